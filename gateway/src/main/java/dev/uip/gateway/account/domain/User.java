package dev.uip.gateway.account.domain;

import java.util.UUID;

/** A person with an account: an id, a lower-cased email and the Argon2id hash of the password. */
public record User(UUID id, String email, String passwordHash) {

    /** The actor of this user in service tokens and change events. */
    public String actor() {
        return dev.uip.schemas.identity.ServiceTokens.USER_PREFIX + id;
    }
}
