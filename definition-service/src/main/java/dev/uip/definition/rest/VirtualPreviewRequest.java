package dev.uip.definition.rest;

import com.fasterxml.jackson.databind.JsonNode;

/** The body of a virtual rule preview: the rule as it would be saved and how many newest raw events to evaluate. */
public record VirtualPreviewRequest(JsonNode virtualRule, Integer limit) {
}
