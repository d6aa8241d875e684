package dev.uip.gateway.account;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The gateway as the identity tests run it: its own database on the real stack and a recording stand-in for
 * definition-service. A profile, so that its resources apply to these tests only and all of them share one start.
 */
public class IdentityProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(GatewayStack.class), new TestResourceEntry(DefinitionStub.class));
    }
}
