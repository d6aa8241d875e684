package dev.uip.ingest.streams;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

import dev.uip.ingest.service.EventValidator;
import dev.uip.schemas.QuarantinedUsageEvent;
import dev.uip.schemas.RawUsageEvent;
import dev.uip.schemas.ValidatedUsageEvent;

/** Routes every raw event to the validated topic or, with its reason, to the quarantine topic. Never drops one. */
public final class ValidationTopology {

    /** The three topics the topology reads and writes. */
    public record Topics(String raw, String validated, String quarantined) {
    }

    /** The serdes of the three record types. */
    public record Serdes3(Serde<RawUsageEvent> raw, Serde<ValidatedUsageEvent> validated,
            Serde<QuarantinedUsageEvent> quarantined) {
    }

    private ValidationTopology() {
    }

    public static Topology build(Topics topics, Serdes3 serdes, EventValidator validator) {
        StreamsBuilder builder = new StreamsBuilder();
        Deserializer<RawUsageEvent> rawReader = serdes.raw().deserializer();
        KStream<String, EventValidator.Outcome> outcomes = builder
                // Read as bytes and decode here: a record that cannot be decoded is quarantined, not skipped (which
                // would lose it) and not fatal (which would stop validation for everyone).
                .stream(topics.raw(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("raw-events"))
                // A tombstone carries no event; there is nothing to validate or keep.
                .filter((key, bytes) -> bytes != null, Named.as("skip-tombstones"))
                .mapValues((key, bytes) -> {
                    RawUsageEvent raw;
                    try {
                        raw = rawReader.deserialize(topics.raw(), bytes);
                    } catch (RuntimeException e) {
                        return validator.undecodable(key, bytes, e);
                    }
                    try {
                        return validator.validate(raw);
                    } catch (RuntimeException | StackOverflowError e) {
                        // Quarantined with the reason rather than thrown: a thrown error would stop the stream thread,
                        // and the same event would stop its replacement again.
                        return validator.failed(raw, e);
                    }
                }, Named.as("validate"));
        outcomes.split(Named.as("outcome-"))
                .branch((key, outcome) -> outcome.valid(), Branched.withConsumer(valid -> valid
                        .mapValues(EventValidator.Outcome::validated, Named.as("unwrap-valid"))
                        .to(topics.validated(), Produced.with(Serdes.String(), serdes.validated())), "valid"))
                .defaultBranch(Branched.withConsumer(invalid -> invalid
                        .mapValues(EventValidator.Outcome::quarantined, Named.as("unwrap-quarantined"))
                        .to(topics.quarantined(), Produced.with(Serdes.String(), serdes.quarantined())),
                        "quarantined"));
        return builder.build();
    }
}
