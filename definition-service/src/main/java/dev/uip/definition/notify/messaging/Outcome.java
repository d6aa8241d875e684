package dev.uip.definition.notify.messaging;

/**
 * What one attempt gave: delivered, or a failure that is worth retrying or not (a 4xx other than 408/429), with the
 * receiver's status code (null without an HTTP answer) and a bounded error text.
 */
public record Outcome(boolean delivered, boolean permanent, Integer statusCode, String error) {

    static final int MAX_ERROR = 500;

    public static Outcome delivered(Integer statusCode) {
        return new Outcome(true, false, statusCode, null);
    }

    public static Outcome failed(Integer statusCode, boolean permanent, String error) {
        return new Outcome(false, permanent, statusCode, bound(error));
    }

    /** The outcome of an HTTP answer: 2xx delivered; 4xx other than 408 and 429 refused for good. */
    public static Outcome ofHttp(int status, String body) {
        if (status >= 200 && status < 300) {
            return delivered(status);
        }
        boolean permanent = status >= 400 && status < 500 && status != 408 && status != 429;
        String detail = body == null || body.isBlank() ? "" : ": " + body.strip();
        return failed(status, permanent, "HTTP " + status + detail);
    }

    static String bound(String text) {
        if (text == null) {
            return null;
        }
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_ERROR ? oneLine : oneLine.substring(0, MAX_ERROR) + "…";
    }
}
