package dev.uip.gateway.account.domain;

import java.util.OptionalLong;

/**
 * A request about accounts, sessions, invitations, members or tokens that cannot be done: the HTTP status, the error
 * code and a message for the client (never echoing a secret), and for 429 and 503 the seconds to wait.
 */
public class AccountException extends RuntimeException {

    private final int status;
    private final String code;
    private final OptionalLong retryAfterSeconds;

    public AccountException(int status, String code, String message) {
        this(status, code, message, OptionalLong.empty());
    }

    private AccountException(int status, String code, String message, OptionalLong retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static AccountException badRequest(String message) {
        return new AccountException(400, "BAD_REQUEST", message);
    }

    public static AccountException notFound(String message) {
        return new AccountException(404, "NOT_FOUND", message);
    }

    public static AccountException conflict(String code, String message) {
        return new AccountException(409, code, message);
    }

    public static AccountException forbidden(String message) {
        return new AccountException(403, "FORBIDDEN", message);
    }

    public static AccountException invalidCredentials() {
        return new AccountException(401, "INVALID_CREDENTIALS", "the email or the password is wrong");
    }

    public static AccountException tooManyAttempts(long retryAfterSeconds) {
        return new AccountException(429, "TOO_MANY_ATTEMPTS", "too many failed sign-ins for this email; try again "
                + "later", OptionalLong.of(retryAfterSeconds));
    }

    public static AccountException busy() {
        return new AccountException(503, "BUSY", "too many sign-ins at once; try again in a moment",
                OptionalLong.of(1));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
