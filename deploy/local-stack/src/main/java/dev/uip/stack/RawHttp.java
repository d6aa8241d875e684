package dev.uip.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends a request target exactly as written (invalid escapes included), which HTTP client libraries refuse to do,
 * and judges the answer by the platform's bad-input rule.
 */
public final class RawHttp {

    /** Status line code, Content-Type and body of one answer. */
    public record Answer(int status, String contentType, String body) {

        /**
         * Why this answer to {@code target} breaks the bad-input rule (a 5xx, or a 4xx that is not a JSON error with
         * a code and a message), or null when it keeps it. Two answers come from the HTTP layer before any route
         * and are accepted: a bare 400 for a target that is no URI at all (e.g. {@code %ZZ}) and a 414 for a request
         * line over 4 KB.
         */
        public String problem(String target) {
            if (status >= 500) {
                return target + " answered " + status + ": " + body;
            }
            if ((status == 400 && body.isEmpty() && !isUri(target)) || (status == 414 && target.length() > 4000)) {
                return null;
            }
            if (status >= 400 && (contentType == null || !contentType.contains("application/json")
                    || !body.contains("\"code\"") || !body.contains("\"message\""))) {
                return target + " answered " + status + " as " + contentType + ": " + body;
            }
            return null;
        }
    }

    private RawHttp() {
    }

    public static Answer get(int port, String target) {
        return get(port, target, null);
    }

    /** The answer to GET {@code target} with that Authorization header (e.g. {@link TestTokens#bearer}), if any. */
    public static Answer get(int port, String target, String authorization) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String credentials = authorization == null ? "" : "Authorization: " + authorization + "\r\n";
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + credentials
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String contentType = head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-type:"))
                    .map(l -> l.substring("content-type:".length()).trim()).findFirst().orElse(null);
            return new Answer(Integer.parseInt(head.split(" ")[1]), contentType,
                    end < 0 ? "" : text.substring(end + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isUri(String target) {
        try {
            new URI(target.startsWith("/") ? target : "/x?" + target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
