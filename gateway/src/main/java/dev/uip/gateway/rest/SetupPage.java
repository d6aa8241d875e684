package dev.uip.gateway.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The page the first-run link opens ({@code /setup?token=...}): a form that creates the first administrator. The
 * token stays out of caches and referrers.
 */
@Path("/setup")
public class SetupPage {

    private static final String PAGE = "META-INF/resources/setup.html";
    private final byte[] html = read();

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY").header("Content-Security-Policy",
                        "default-src 'self'; script-src 'self'; style-src 'self'; frame-ancestors 'none'")
                .build();
    }

    private static byte[] read() {
        try (InputStream in = SetupPage.class.getClassLoader().getResourceAsStream(PAGE)) {
            if (in == null) {
                throw new IllegalStateException(PAGE + " is missing from the gateway");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
