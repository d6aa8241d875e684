package dev.uip.ingest.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import io.apicurio.registry.resolver.client.RegistryClientFacade;
import io.apicurio.registry.resolver.client.RegistryVersionCoordinates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.kiota.ApiException;

import dev.uip.ingest.domain.RegistryUnavailableException;

/**
 * Finds the newest version of an artifact. Registry 3.x understands the {@code latest} alias through the client;
 * registry 2.4 does not (it answers 404 for it), so there the artifact's own metadata is read instead.
 */
class LatestVersionLookup {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryClientFacade registry;
    private final String baseUrl;
    private final boolean v2;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    LatestVersionLookup(RegistryClientFacade registry, String registryUrl) {
        this.registry = registry;
        this.baseUrl = registryUrl.replaceAll("/+$", "");
        this.v2 = baseUrl.endsWith("/apis/registry/v2");
    }

    Optional<RegistryVersionCoordinates> find(String group, String artifact) {
        return v2 ? findV2(group, artifact) : findV3(group, artifact);
    }

    private Optional<RegistryVersionCoordinates> findV3(String group, String artifact) {
        try {
            return Optional.of(registry.getVersionCoordinatesByGAV(group, artifact, null));
        } catch (ApiException e) {
            if (e.getResponseStatusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private Optional<RegistryVersionCoordinates> findV2(String group, String artifact) {
        URI uri = URI.create(baseUrl + "/groups/" + segment(group) + "/artifacts/" + segment(artifact) + "/meta");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new RegistryUnavailableException("registry answered " + response.statusCode() + " for " + uri,
                        null);
            }
            JsonNode meta = JSON.readTree(response.body());
            return Optional.of(RegistryVersionCoordinates.create(meta.path("globalId").asLong(),
                    meta.path("contentId").asLong(), group, artifact, meta.path("version").asText()));
        } catch (IOException e) {
            throw new RegistryUnavailableException("registry unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException("interrupted while asking the registry", e);
        }
    }

    private static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
