package dev.uip.importer;

/** The import cannot go on (write key refused, edge unreachable after every retry); what was acknowledged is kept. */
class ImportAbortedException extends Exception {

    private static final long serialVersionUID = 1L;

    ImportAbortedException(String message) {
        super(message);
    }
}
