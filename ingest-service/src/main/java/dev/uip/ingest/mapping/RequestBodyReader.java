package dev.uip.ingest.mapping;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.uip.ingest.domain.BadMessageException;
import dev.uip.ingest.domain.PayloadTooLargeException;

/** Decodes a request body (optionally gzip) into JSON under tight parser limits. */
public final class RequestBodyReader {

    /** Largest request after decompression. */
    public static final int MAX_REQUEST_BYTES = 500 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64)
                    .maxStringLength(32 * 1024)
                    .maxNumberLength(100)
                    .maxNameLength(1024)
                    .build())
            .build());

    private RequestBodyReader() {
    }

    /** {@link #parse(byte[])} of {@link #decode(byte[], String)}. */
    public static JsonNode read(byte[] body, String contentEncoding) {
        return parse(decode(body, contentEncoding));
    }

    /** The body's JSON bytes: decompressed when it says gzip; refused when empty or in another encoding. */
    public static byte[] decode(byte[] body, String contentEncoding) {
        byte[] json = body == null ? new byte[0] : body;
        if (contentEncoding != null && contentEncoding.trim().equalsIgnoreCase("gzip")) {
            json = gunzip(json);
        } else if (contentEncoding != null && !contentEncoding.isBlank()
                && !contentEncoding.trim().equalsIgnoreCase("identity")) {
            throw new BadMessageException("UNSUPPORTED_ENCODING", "Content-Encoding '" + contentEncoding
                    + "' is not supported; send gzip or no encoding");
        }
        if (json.length == 0) {
            throw new BadMessageException("EMPTY_BODY", "the request body is empty");
        }
        return json;
    }

    /** Parses JSON bytes under the parser limits. */
    public static JsonNode parse(byte[] json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new BadMessageException("EMPTY_BODY", "the request body is empty");
            }
            return node;
        } catch (StreamConstraintsException e) {
            throw new BadMessageException("JSON_LIMIT", "the body exceeds a JSON limit: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new BadMessageException("INVALID_JSON", "the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadMessageException("INVALID_JSON", "the body could not be read: " + e.getMessage());
        }
    }

    private static byte[] gunzip(byte[] compressed) {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(compressed.length * 4, MAX_REQUEST_BYTES));
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (out.size() + read > MAX_REQUEST_BYTES) {
                    throw new PayloadTooLargeException("the decompressed body exceeds " + MAX_REQUEST_BYTES / 1024
                            + " KB");
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new BadMessageException("INVALID_GZIP", "the body is not valid gzip: " + e.getMessage());
        }
    }
}
