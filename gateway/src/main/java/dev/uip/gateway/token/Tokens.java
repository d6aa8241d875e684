package dev.uip.gateway.token;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.uip.gateway.account.domain.AccountException;
import dev.uip.gateway.account.domain.AccountRules;
import dev.uip.gateway.config.IdentityConfig;
import dev.uip.gateway.identity.Principal;
import dev.uip.gateway.identity.UnauthenticatedException;
import dev.uip.schemas.identity.Role;
import dev.uip.schemas.identity.ServiceTokens;
import dev.uip.schemas.keys.KeyFormat;

/**
 * Personal API tokens: any member makes tokens for themselves with a role up to their own (the secret shown once,
 * only its hash kept), sees their own (an admin all of the workspace's), revokes them; and a token's principal.
 */
@ApplicationScoped
public class Tokens {

    @Inject
    Pool pool;

    @Inject
    TokenStore store;

    @Inject
    IdentityConfig config;

    /** A token just made, with its secret (shown once). */
    public record Issued(ApiToken token, String secret) {
    }

    public Uni<Issued> create(Principal caller, String name, String role) {
        String label = AccountRules.name(name, "a token name");
        Role wanted = role == null ? caller.role() : AccountRules.role(role);
        if (!caller.role().includes(wanted)) {
            return Uni.createFrom().failure(AccountException.forbidden("a token's role cannot be above your own ("
                    + caller.role().roleName() + ")"));
        }
        String secret = KeyFormat.MANAGEMENT.generate();
        return ownerOf(caller).chain(owner -> pool.withTransaction(connection -> store
                .countActive(connection, caller.workspace(), owner).chain(count -> {
                    if (count >= config.tokens().maxPerMember()) {
                        return Uni.createFrom().failure(AccountException.conflict("TOO_MANY_TOKENS", "you have "
                                + count + " tokens in this workspace; revoke some first"));
                    }
                    ApiToken token = new ApiToken(UUID.randomUUID(), caller.workspace(), owner, caller.actorName(),
                            label, wanted, KeyFormat.MANAGEMENT.displayPrefix(secret),
                            Instant.now().truncatedTo(ChronoUnit.MICROS), null);
                    return store.insert(connection, token, KeyFormat.hash(secret))
                            .replaceWith(new Issued(token, secret));
                })));
    }

    public Uni<List<ApiToken>> list(Principal caller) {
        if (caller.role() == Role.ADMIN) {
            return store.list(pool, caller.workspace(), null);
        }
        return ownerOf(caller).chain(owner -> store.list(pool, caller.workspace(), owner));
    }

    /** Revokes one of the caller's tokens (an admin: any of the workspace's); 404 for any other id. */
    public Uni<Void> revoke(Principal caller, String id) {
        UUID tokenId = parse(id);
        Uni<UUID> owner = caller.role() == Role.ADMIN ? Uni.createFrom().nullItem() : ownerOf(caller);
        return owner.chain(user -> store.revoke(pool, caller.workspace(), tokenId, user)).map(found -> {
            if (!found) {
                throw AccountException.notFound("no such token");
            }
            return null;
        });
    }

    /** The principal of an API token's secret; 401 when it is unknown, revoked or its owner left the workspace. */
    public Uni<Principal> principal(String secret) {
        return store.active(pool, KeyFormat.hash(secret)).chain(token -> {
            if (token == null) {
                return Uni.createFrom().failure(new UnauthenticatedException("the API token is unknown or revoked"));
            }
            return store.used(pool, token.id()).replaceWith(new Principal(token.workspaceId(), token.actor(),
                    token.name(), token.role(), false));
        });
    }

    /** The user a principal acts for: the user itself, or the owner of its API token. */
    public Uni<UUID> ownerOf(Principal caller) {
        String actor = caller.actor();
        if (actor.startsWith(ServiceTokens.USER_PREFIX)) {
            return Uni.createFrom().item(actorId(actor.substring(ServiceTokens.USER_PREFIX.length())));
        }
        if (!actor.startsWith(ServiceTokens.TOKEN_PREFIX)) {
            return Uni.createFrom().failure(new UnauthenticatedException("the caller is neither a user nor a token"));
        }
        UUID token = actorId(actor.substring(ServiceTokens.TOKEN_PREFIX.length()));
        return store.ownerOf(pool, token).map(owner -> {
            if (owner == null) {
                throw new UnauthenticatedException("the API token is unknown");
            }
            return owner;
        });
    }

    /** The id in a principal's actor; a principal that names none is no caller at all (401, never a 500). */
    private static UUID actorId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw new UnauthenticatedException("the caller's id is not an id");
        }
    }

    private static UUID parse(String id) {
        try {
            if (id != null && id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException notAnId) {
            // answered below, as for an id of no token
        }
        throw AccountException.notFound("no such token");
    }
}
