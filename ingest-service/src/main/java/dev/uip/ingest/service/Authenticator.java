package dev.uip.ingest.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    /** How many issued keys to remember the hash of: far more than the keys one instance sees at a time. */
    static final int HASH_CACHE_SIZE = 10_000;

    @Inject
    WriteKeyDirectory directory;

    /** Key to SHA-256 for issued keys seen before, so a request does not hash its key (SDKs hold write keys openly). */
    private final Map<String, String> hashes = new ConcurrentHashMap<>();

    public Caller authenticate(String writeKey) {
        String cached = writeKey == null ? null : hashes.get(writeKey);
        String hash = cached != null ? cached : hashOfWellFormed(writeKey);
        WriteKeyState state = directory.find(hash).orElse(null);
        if (state == null) {
            if (!directory.caughtUp()) {
                throw new KeysNotLoadedException();
            }
            throw new UnauthorizedException("unknown write key");
        }
        // Only issued keys are remembered, so made-up keys cannot crowd out real ones.
        if (cached == null && hashes.size() < HASH_CACHE_SIZE) {
            hashes.put(writeKey, hash);
        }
        if (state.getRevoked()) {
            throw new UnauthorizedException("the write key " + state.getKeyId() + " was revoked");
        }
        return new Caller(state.getWorkspaceId(), state.getKeyId());
    }

    private static String hashOfWellFormed(String writeKey) {
        if (!WriteKeyFormat.isWellFormed(writeKey)) {
            throw new UnauthorizedException("the write key is malformed (wrong length, characters or checksum)");
        }
        return WriteKeyFormat.hash(writeKey);
    }
}
