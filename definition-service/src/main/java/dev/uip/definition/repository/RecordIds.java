package dev.uip.definition.repository;

/** The shape of the ids this service issues (wk_..., ac_...), to answer an id of another shape without a query. */
final class RecordIds {

    private static final int MAX_LENGTH = 64;

    private RecordIds() {
    }

    /** Whether {@code id} could be an id this service issued: 1-64 ASCII letters, digits, _ or -. */
    static boolean plausible(String id) {
        return id != null && !id.isEmpty() && id.length() <= MAX_LENGTH && id.chars().allMatch(c -> c == '_'
                || c == '-' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    }
}
