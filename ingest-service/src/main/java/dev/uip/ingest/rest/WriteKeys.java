package dev.uip.ingest.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;

import dev.uip.ingest.domain.UnauthorizedException;

/** Finds the write key of a request: HTTP Basic user, X-Write-Key header, or "writeKey" in the body. */
final class WriteKeys {

    private WriteKeys() {
    }

    static String extract(String authorization, String headerKey, JsonNode body) {
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new UnauthorizedException("the Authorization header is not valid Basic credentials");
            }
            int colon = decoded.indexOf(':');
            String user = colon < 0 ? decoded : decoded.substring(0, colon);
            if (!user.isBlank()) {
                return user;
            }
        }
        if (headerKey != null && !headerKey.isBlank()) {
            return headerKey.trim();
        }
        JsonNode bodyKey = body == null ? null : body.get("writeKey");
        if (bodyKey != null && bodyKey.isTextual() && !bodyKey.asText().isBlank()) {
            return bodyKey.asText();
        }
        throw new UnauthorizedException("no write key: send it as the HTTP Basic user, in X-Write-Key, or as writeKey");
    }
}
