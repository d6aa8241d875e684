package dev.uip.gateway.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One service's OpenAPI document as fetched: the document, or why there is none.
 *
 * @param document the document, or null when {@code problem} says why it is missing
 */
public record ServiceDocument(String service, ObjectNode document, String problem) {

    public static ServiceDocument of(String service, ObjectNode document) {
        return new ServiceDocument(service, document, null);
    }

    public static ServiceDocument missing(String service, String problem) {
        return new ServiceDocument(service, null, problem);
    }
}
