package dev.uip.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.uip.ingest.client.WriteKeyDirectory;
import dev.uip.ingest.domain.Caller;
import dev.uip.ingest.domain.KeysNotLoadedException;
import dev.uip.ingest.domain.UnauthorizedException;
import dev.uip.schemas.WriteKeyState;
import dev.uip.schemas.keys.WriteKeyFormat;

/** Turns a write key into the workspace it belongs to; a malformed key is refused before any lookup. */
@ApplicationScoped
public class Authenticator {

    @Inject
    WriteKeyDirectory directory;

    public Caller authenticate(String writeKey) {
        if (!WriteKeyFormat.isWellFormed(writeKey)) {
            throw new UnauthorizedException("the write key is malformed (wrong length, characters or checksum)");
        }
        WriteKeyState state = directory.find(WriteKeyFormat.hash(writeKey)).orElse(null);
        if (state == null) {
            if (!directory.caughtUp()) {
                throw new KeysNotLoadedException();
            }
            throw new UnauthorizedException("unknown write key");
        }
        if (state.getRevoked()) {
            throw new UnauthorizedException("the write key " + state.getKeyId() + " was revoked");
        }
        return new Caller(state.getWorkspaceId(), state.getKeyId());
    }
}
