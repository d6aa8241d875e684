package dev.uip.definition.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.uip.definition.DefinitionStack;
import dev.uip.definition.domain.IncompatibleChangeException;

/** Registration against the real registry: idempotent for the newest content, refused when incompatible. */
@QuarkusTest
@QuarkusTestResource(DefinitionStack.class)
class SchemaRegistryTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    SchemaRegistry registry;

    static String schema(String fields) {
        return "{\"type\":\"record\",\"name\":\"Props\",\"namespace\":\"dev.uip.test\",\"fields\":[" + fields + "]}";
    }

    @Test
    void registeringTheNewestContentAgainReusesItsVersion() {
        String event = "Retried " + UUID.randomUUID();
        String v1 = schema("{\"name\":\"rows\",\"type\":\"long\"}");
        SchemaRegistry.Coordinates first = registry.register("registry-test", event, v1, false).await().atMost(WAIT);
        // As after a database commit that failed: the same change is registered again.
        SchemaRegistry.Coordinates retried = registry.register("registry-test", event, v1, false).await()
                .atMost(WAIT);
        assertEquals(first.globalId(), retried.globalId());
        assertEquals(first.version(), retried.version());

        SchemaRegistry.Coordinates next = registry.register("registry-test", event,
                schema("{\"name\":\"rows\",\"type\":\"long\"},{\"name\":\"plan\",\"type\":[\"null\",\"string\"],"
                        + "\"default\":null}"),
                false).await().atMost(WAIT);
        assertNotEquals(first.globalId(), next.globalId());

        // The compatibility rule still holds on this path.
        assertThrows(IncompatibleChangeException.class, () -> registry.register("registry-test", event,
                schema("{\"name\":\"rows\",\"type\":\"string\"}"), false).await().atMost(WAIT));
    }
}
