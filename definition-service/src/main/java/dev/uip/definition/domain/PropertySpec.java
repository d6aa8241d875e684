package dev.uip.definition.domain;

/** One typed property of an event definition. */
public record PropertySpec(String name, PropertyType type, boolean required, String description) {
}
