package dev.uip.anomaly.streams;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import dev.uip.schemas.DefinitionCallType;
import dev.uip.schemas.DefinitionStatus;
import dev.uip.schemas.EventDefinitionState;
import dev.uip.schemas.names.DefinitionKeys;

/**
 * Reads track event definitions from the global definitions store (key {@code <workspace>/<name>}, registry-encoded
 * values); a record that cannot be decoded counts as no definition.
 */
public class DefinitionLookup {

    /** Decodes a stored definition; throws for bytes it cannot read. */
    public interface Decoder {

        EventDefinitionState decode(byte[] bytes);
    }

    private final ReadOnlyKeyValueStore<String, ?> store;
    private final Decoder decoder;

    public DefinitionLookup(ReadOnlyKeyValueStore<String, ?> store, Decoder decoder) {
        this.store = store;
        this.decoder = decoder;
    }

    /** The definitions store of a running client, for interactive queries. */
    public static DefinitionLookup of(KafkaStreams streams, Decoder decoder) {
        ReadOnlyKeyValueStore<String, byte[]> store = streams.store(StoreQueryParameters.fromNameAndType(
                TrendStores.DEFINITIONS, QueryableStoreTypes.keyValueStore()));
        return new DefinitionLookup(store, decoder);
    }

    /** The store (and topic) key of one event of one workspace. */
    public static String key(String workspaceId, String name) {
        return workspaceId + "/" + name;
    }

    /** The definition of {@code name} in {@code workspaceId}, or null. */
    public EventDefinitionState get(String workspaceId, String name) {
        return decode(store.get(key(workspaceId, name)));
    }

    /** How many active key events the workspace defines. */
    public int activeKeyEvents(String workspaceId) {
        return (int) all(workspaceId).stream().filter(DefinitionLookup::activeKeyEvent).count();
    }

    /** Whether a definition is an active key event. */
    public static boolean activeKeyEvent(EventDefinitionState definition) {
        return definition.getKeyEvent() && definition.getStatus() == DefinitionStatus.ACTIVE;
    }

    /**
     * Every readable track definition of the workspace (its page, screen and identify definitions, keyed
     * {@code <workspace>/<CALLTYPE>/<name>}, share the prefix but name no track event).
     */
    public List<EventDefinitionState> all(String workspaceId) {
        String prefix = workspaceId + "/";
        List<EventDefinitionState> definitions = new ArrayList<>();
        try (KeyValueIterator<String, ?> range = store.range(prefix, prefix + Character.MAX_VALUE)) {
            while (range.hasNext()) {
                EventDefinitionState definition = decode(range.next().value);
                if (definition != null && DefinitionKeys.callType(definition) == DefinitionCallType.TRACK) {
                    definitions.add(definition);
                }
            }
        }
        return definitions;
    }

    /** Decodes a stored value: the record's bytes, or (from a DSL store) the bytes with their timestamp. */
    private EventDefinitionState decode(Object stored) {
        Object value = stored instanceof ValueAndTimestamp<?> timestamped ? timestamped.value() : stored;
        if (!(value instanceof byte[] bytes)) {
            return null;
        }
        try {
            return decoder.decode(bytes);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
