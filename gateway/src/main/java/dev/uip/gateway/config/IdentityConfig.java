package dev.uip.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How people sign up and in at the gateway: sessions, the sign-in rate limit, invitations, passwords, first run. */
@ConfigMapping(prefix = "uip.gateway")
public interface IdentityConfig {

    /** Sign-up of new workspaces. */
    Signup signup();

    /** Session cookies. */
    Session session();

    /** The sign-in rate limit. */
    Signin signin();

    /** Invitations to a workspace. */
    Invitations invitations();

    /** Argon2id password hashing. */
    Passwords passwords();

    /** Personal API tokens. */
    Tokens tokens();

    /** Where the first-run setup link is written (besides the log), when the gateway starts with no user at all. */
    Optional<Path> setupLinkFile();

    /** The address people reach the gateway at, for the setup link; default {@code http://localhost:<port>}. */
    Optional<String> publicUrl();

    /** How long the first-run setup token is valid. */
    @WithDefault("24h")
    Duration setupTokenLifetime();

    /** Sign-up settings. */
    interface Signup {

        /** Whether anyone may sign up (create a workspace and its first admin); false: 403 SIGNUP_CLOSED. */
        @WithDefault("true")
        boolean open();
    }

    /** Session settings. */
    interface Session {

        /** Whether the session cookie is marked Secure (browsers treat http://localhost as secure too). */
        @WithDefault("true")
        boolean secureCookie();

        /** A session unused this long ends. */
        @WithDefault("12h")
        Duration idle();

        /** A session ends this long after sign-in, however busy. */
        @WithDefault("7d")
        Duration absolute();
    }

    /** Sign-in rate limit: after {@code maxFailures} failures for one email within {@code window}, 429. */
    interface Signin {

        /** Failures allowed within the window; the next attempt, even with the right password, is refused. */
        @WithDefault("5")
        int maxFailures();

        /** How long a failure counts. */
        @WithDefault("15m")
        Duration window();
    }

    /** Invitation settings. */
    interface Invitations {

        /** How long an invitation can be accepted. */
        @WithDefault("7d")
        Duration lifetime();

        /** Open invitations one workspace may have at once. */
        @WithDefault("500")
        int maxOpenPerWorkspace();
    }

    /** Argon2id parameters (OWASP's minimum: 19 MiB, 2 iterations, 1 lane) and how many hashes run at once. */
    interface Passwords {

        /** Memory per hash in KiB. */
        @WithDefault("19456")
        int memoryKib();

        /** Iterations per hash. */
        @WithDefault("2")
        int iterations();

        /** Hashes computed at once; each holds its memory, so this bounds the heap passwords can take. */
        @WithDefault("2")
        int concurrency();

        /** Hashes waiting for a thread; beyond this a sign-in is answered 503 BUSY. */
        @WithDefault("64")
        int queue();
    }

    /** API token settings. */
    interface Tokens {

        /** Active tokens one member may have in one workspace. */
        @WithDefault("100")
        int maxPerMember();
    }
}
