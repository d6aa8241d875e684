package dev.uip.definition.rest;

import java.util.List;

/** One page of a list and the number of all matches. */
public record PageView<T>(List<T> items, int page, int size, long total) {
}
