package dev.uip.schemas.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

import dev.uip.schemas.DefinitionCallType;

class DefinitionKeysTest {

    @Test
    void trackKeepsItsOldKeyAndGroup() {
        assertEquals("acme/Signed Up", DefinitionKeys.topicKey("acme", DefinitionCallType.TRACK, "Signed Up"));
        assertEquals("acme/Signed Up", DefinitionKeys.topicKey("acme", null, "Signed Up"));
        assertEquals("acme", DefinitionKeys.registryGroup("acme", DefinitionCallType.TRACK));
    }

    @Test
    void otherCallTypesAreKeyedAndGroupedApart() {
        assertEquals("acme/PAGE/Pricing", DefinitionKeys.topicKey("acme", DefinitionCallType.PAGE, "Pricing"));
        assertEquals("acme/IDENTIFY/identify",
                DefinitionKeys.topicKey("acme", DefinitionCallType.IDENTIFY, DefinitionKeys.IDENTIFY_NAME));
        assertEquals("acme.page", DefinitionKeys.registryGroup("acme", DefinitionCallType.PAGE));
        assertEquals("acme.screen", DefinitionKeys.registryGroup("acme", DefinitionCallType.SCREEN));
        // a workspace id cannot hold '.', so no workspace's track group is another's page group
        assertNotEquals(DefinitionKeys.registryGroup("acme", DefinitionCallType.PAGE),
                DefinitionKeys.registryGroup("acme-page", DefinitionCallType.TRACK));
    }
}
