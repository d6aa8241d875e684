package dev.uip.ingest.rest;

/** The error body every 4xx/5xx answer carries, as Segment SDKs expect. */
public record ApiError(String code, String message) {
}
