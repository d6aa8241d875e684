package dev.uip.definition.domain.inference;

/** Something a reviewer of a proposal should know about one path: a widening, a truncation, a missing type. */
public record Note(String path, String message) {
}
