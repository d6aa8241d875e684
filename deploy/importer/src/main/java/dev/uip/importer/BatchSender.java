package dev.uip.importer;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Delivers one batch until the edge has stored or refused every message in it: retries with backoff while the edge
 * is unavailable or throttles (503, 429, other 5xx, connection errors; Retry-After honoured), and takes out the
 * messages the edge refuses, naming them {@code batch[i]}, so that the rest of the batch is stored.
 */
class BatchSender {

    /** A message the edge refused (or that was never sent because it would have been). */
    record Rejection(long line, String code, String message) {
    }

    /** How a batch ended: the messages stored and those refused. */
    record Result(int sent, List<Rejection> rejected) {
    }

    private static final Pattern INDEX = Pattern.compile("batch\\[(\\d+)]");

    private final EdgeClient edge;
    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final AtomicLong retries = new AtomicLong();

    BatchSender(EdgeClient edge, int maxRetries, Duration initialBackoff, Duration maxBackoff) {
        this.edge = edge;
        this.maxRetries = maxRetries;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** Requests that were repeated because the edge was unavailable or throttling. */
    long retries() {
        return retries.get();
    }

    Result send(List<MessagePreparer.Prepared> batch) throws ImportAbortedException, InterruptedException {
        int sent = 0;
        List<Rejection> rejected = new ArrayList<>();
        Deque<List<MessagePreparer.Prepared>> work = new ArrayDeque<>();
        work.push(batch);
        while (!work.isEmpty()) {
            List<MessagePreparer.Prepared> part = work.pop();
            EdgeClient.Answer answer = deliver(part);
            if (answer.ok()) {
                sent += part.size();
                continue;
            }
            if (answer.status() == 401 || answer.status() == 403) {
                throw new ImportAbortedException("the edge refused the write key (" + answer.status() + " "
                        + answer.code() + ": " + answer.message() + ")");
            }
            if (answer.status() == 404 || answer.status() == 405) {
                throw new ImportAbortedException("the edge has no batch endpoint at this URL (" + answer.status()
                        + " " + answer.code() + ": " + answer.message() + ")");
            }
            // A request is stored all or nothing: take out the message the edge named and send the rest again.
            int index = index(answer.message());
            String code = answer.code() == null ? "HTTP_" + answer.status() : answer.code();
            if (index >= 0 && index < part.size()) {
                List<MessagePreparer.Prepared> rest = new ArrayList<>(part);
                MessagePreparer.Prepared refused = rest.remove(index);
                rejected.add(new Rejection(refused.line(), code, withoutIndex(answer.message())));
                if (!rest.isEmpty()) {
                    work.push(rest);
                }
            } else if (part.size() == 1) {
                rejected.add(new Rejection(part.get(0).line(), code, answer.message()));
            } else {
                // Refused as a whole (e.g. the body is too large): halve it until the culprit stands alone.
                int half = part.size() / 2;
                work.push(new ArrayList<>(part.subList(half, part.size())));
                work.push(new ArrayList<>(part.subList(0, half)));
            }
        }
        return new Result(sent, rejected);
    }

    /** Posts until the edge answers something other than "try again later". */
    private EdgeClient.Answer deliver(List<MessagePreparer.Prepared> part)
            throws ImportAbortedException, InterruptedException {
        String last = null;
        for (int attempt = 0;; attempt++) {
            Duration wait;
            try {
                EdgeClient.Answer answer = edge.post(part);
                if (!retryable(answer.status())) {
                    return answer;
                }
                last = answer.status() + " " + answer.code() + ": " + answer.message();
                wait = answer.retryAfter() != null ? answer.retryAfter() : backoff(attempt);
            } catch (java.net.ConnectException e) {
                last = "cannot connect to " + edge.batchUri();
                wait = backoff(attempt);
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                wait = backoff(attempt);
            }
            if (attempt >= maxRetries) {
                throw new ImportAbortedException("the edge did not take a batch after " + (attempt + 1)
                        + " tries (last: " + last + ")");
            }
            retries.incrementAndGet();
            Thread.sleep(Math.max(1, wait.toMillis()));
        }
    }

    static boolean retryable(int status) {
        return status == 429 || status == 408 || status >= 500;
    }

    /** Exponential, capped, with jitter so that parallel senders do not retry in step. */
    Duration backoff(int attempt) {
        long base = initialBackoff.toMillis() << Math.min(attempt, 20);
        long capped = Math.min(base, maxBackoff.toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    static int index(String message) {
        // "reached at batch[i]" names where a request-wide bound was passed, not a message at fault.
        if (message == null || message.contains("reached at batch[")) {
            return -1;
        }
        Matcher m = INDEX.matcher(message);
        if (!m.find() || m.group(1).length() > 6) {
            return -1;
        }
        return Integer.parseInt(m.group(1));
    }

    private static String withoutIndex(String message) {
        return message == null ? "" : message.replaceFirst("^batch\\[\\d+]:?\\s*", "");
    }
}
