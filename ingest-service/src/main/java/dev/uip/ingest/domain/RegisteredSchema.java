package dev.uip.ingest.domain;

import org.apache.avro.Schema;

import dev.uip.schemas.SchemaRef;

/** An event's registered Avro schema and where it lives in the registry. */
public record RegisteredSchema(Schema schema, SchemaRef ref) {
}
