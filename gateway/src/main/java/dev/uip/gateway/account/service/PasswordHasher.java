package dev.uip.gateway.account.service;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import io.smallrye.mutiny.Uni;

import dev.uip.gateway.account.domain.AccountException;
import dev.uip.gateway.config.IdentityConfig;

/**
 * Hashes and checks passwords with Argon2id on a few threads of its own: never on the event loop, and never more at
 * once than configured, since each hash holds its memory (a flood of sign-ins is answered 503, not an exhausted heap).
 */
@ApplicationScoped
public class PasswordHasher {

    @Inject
    IdentityConfig config;

    private Argon2PasswordEncoder encoder;
    private ThreadPoolExecutor threads;
    private String decoy;

    @PostConstruct
    void init() {
        IdentityConfig.Passwords passwords = config.passwords();
        encoder = new Argon2PasswordEncoder(16, 32, 1, passwords.memoryKib(), passwords.iterations());
        AtomicInteger count = new AtomicInteger();
        threads = new ThreadPoolExecutor(passwords.concurrency(), passwords.concurrency(), 1, TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(passwords.queue()), work -> {
                    Thread thread = new Thread(work, "password-hash-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        // Checked against when an email has no account, so that the answer takes as long as for a wrong password.
        decoy = encoder.encode("decoy password of no account");
    }

    @PreDestroy
    void close() {
        threads.shutdownNow();
    }

    public Uni<String> hash(String password) {
        return run(() -> encoder.encode(password));
    }

    /** Whether {@code password} matches {@code hash}; with no hash (no such account) false, after the same work. */
    public Uni<Boolean> matches(String password, String hash) {
        return run(() -> {
            if (hash == null) {
                encoder.matches(password, decoy);
                return false;
            }
            return encoder.matches(password, hash);
        });
    }

    private <T> Uni<T> run(Supplier<T> work) {
        return Uni.createFrom().emitter(emitter -> {
            try {
                threads.execute(() -> {
                    try {
                        emitter.complete(work.get());
                    } catch (RuntimeException e) {
                        emitter.fail(e);
                    }
                });
            } catch (RejectedExecutionException full) {
                emitter.fail(AccountException.busy());
            }
        });
    }
}
