package dev.uip.definition.domain.inference;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One track message to infer from.
 *
 * @param index its 0-based position among all submitted messages
 * @param field where it is in the request body, e.g. {@code batch[3]}
 * @param event the event name
 * @param properties its properties (empty when it had none)
 */
record Sample(int index, String field, String event, ObjectNode properties) {
}
