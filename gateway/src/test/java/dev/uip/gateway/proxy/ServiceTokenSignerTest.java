package dev.uip.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.uip.gateway.identity.Principal;
import dev.uip.gateway.identity.ServiceTokenSigner;
import dev.uip.schemas.identity.Role;
import dev.uip.stack.TestTokens;

/** The service token the gateway signs is one a service accepts, naming exactly the principal it was made for. */
@QuarkusTest
@TestProfile(ProxyTestProfile.class)
class ServiceTokenSignerTest {

    @Inject
    ServiceTokenSigner signer;

    @Test
    void signsATokenTheServicesVerifyWithTheClaimsOfThePrincipal() throws MalformedClaimException {
        Principal admin = new Principal("acme", "user:7f1c", "ada@example.com", Role.ADMIN, true);
        long before = Instant.now().getEpochSecond();

        JwtClaims claims = ServiceTokenCheck.verify(signer.tokenFor(admin));

        assertEquals("uip-gateway", claims.getIssuer());
        assertEquals(List.of("uip-services"), claims.getAudience());
        assertEquals("user:7f1c", claims.getSubject());
        assertEquals("acme", claims.getStringClaimValue("ws"));
        assertEquals("admin", claims.getStringClaimValue("role"));
        assertEquals("ada@example.com", claims.getStringClaimValue("name"));
        assertEquals(List.of("viewer", "editor", "admin"), claims.getStringListClaimValue("groups"));
        long lifetime = claims.getExpirationTime().getValue() - before;
        assertTrue(lifetime > 60 && lifetime <= 121, "expires in " + lifetime + " s");
    }

    @Test
    void givesAViewerOnlyTheViewerGroupAndATokenOfItsOwn() throws MalformedClaimException {
        Principal viewer = new Principal("acme", "token:91", "ci", Role.VIEWER, false);
        Principal editor = new Principal("acme", "token:91", "ci", Role.EDITOR, false);

        String viewerToken = signer.tokenFor(viewer);
        JwtClaims claims = ServiceTokenCheck.verify(viewerToken);

        assertEquals(List.of("viewer"), claims.getStringListClaimValue("groups"));
        assertEquals("token:91", claims.getSubject());
        assertEquals(viewerToken, signer.tokenFor(viewer), "reused within half its lifetime");
        assertNotEquals(viewerToken, signer.tokenFor(editor), "another role, another token");
    }

    @Test
    void theCheckRefusesATokenOfAnotherKey() {
        // Proves the verification above would catch a token the services do not trust.
        assertThrows(AssertionError.class, () -> ServiceTokenCheck.verify(TestTokens.forged("acme", "admin")));
    }
}
