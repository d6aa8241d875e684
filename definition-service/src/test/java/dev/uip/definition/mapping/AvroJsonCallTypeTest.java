package dev.uip.definition.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.uip.schemas.DefinitionCallType;
import dev.uip.schemas.DefinitionStatus;
import dev.uip.schemas.EnforcementMode;
import dev.uip.schemas.EventDefinitionState;
import dev.uip.schemas.names.DefinitionKeys;

/** A definition state waiting in the outbox since before call types, as migration V10 rewrites it, still decodes. */
class AvroJsonCallTypeTest {

    @Test
    void anOutboxPayloadFromBeforeCallTypesRewrittenByV10DecodesAsTrack() {
        EventDefinitionState state = EventDefinitionState.newBuilder().setWorkspaceId("acme").setName("Signed Up")
                .setStatus(DefinitionStatus.ACTIVE).setEnforcement(EnforcementMode.QUARANTINE).setKeyEvent(false)
                .setCriticality("medium").setVersion(1).setUpdatedAt(Instant.EPOCH).build();
        String current = AvroJson.encode(state);
        // the encoding of then: the same without its last field
        assertTrue(current.endsWith(",\"callType\":null}"), current);
        String old = current.substring(0, current.length() - ",\"callType\":null}".length()) + "}";
        // V10's regexp_replace(payload, '\}\s*$', ',"callType":null}')
        String rewritten = old.replaceAll("\\}\\s*$", ",\"callType\":null}");

        EventDefinitionState read = (EventDefinitionState) AvroJson.decode(AvroJson.typeOf(state), rewritten);
        assertEquals(DefinitionCallType.TRACK, DefinitionKeys.callType(read));
        assertEquals("Signed Up", read.getName());
    }
}
