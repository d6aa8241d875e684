package dev.uip.stack;

import java.util.List;
import java.util.Map;

/** Every Kafka topic of the platform with its explicit configuration: the single list the launcher and tests use. */
public final class Topics {

    public static final String RAW = "usage-events-raw";
    public static final String VALIDATED = "usage-events-validated";
    public static final String QUARANTINED = "usage-events-quarantined";
    public static final String ALERTS = "usage-alerts";
    public static final String DEFINITION_CHANGES = "definition-changes";
    public static final String WRITE_KEYS = "write-keys";
    public static final String EVENT_DEFINITIONS = "event-definitions";
    public static final String WORKSPACES = "workspaces";
    /** The stored alert rules of every workspace (key workspace/CALLTYPE/event/KIND), deleted ones included. */
    public static final String ALERT_RULES = "alert-rules";
    /** Records a topology could not process, parked with the reason and their original bytes (headers). */
    public static final String DEAD_LETTERS = "dead-letters";
    /** Copies of messages already seen (SDK retries) that validation dropped, without payload: only counted. */
    public static final String DUPLICATES = "usage-events-duplicates";
    /** What validation made of each event's traffic per closed minute (anomaly-service, key workspace). */
    public static final String STATS = "usage-stats";
    /** Samples of unplanned events (whole raw events, a few per event and minute), key workspace/event. */
    public static final String UNPLANNED_SAMPLES = "unplanned-samples";
    /** Quarantined events a person released after a fix, to be validated again (key workspace/messageId). */
    public static final String QUARANTINE_RELEASES = "quarantine-releases";
    /** What became of each release: validated, still failing (and why), already released (key workspace/messageId). */
    public static final String RELEASE_OUTCOMES = "quarantine-release-outcomes";

    /**
     * The head (sequence and hash) of each workspace's audit hash chain (key workspace), published by audit-service
     * after every committed append: the copy outside the database that the verifier compares the chain with.
     */
    public static final String AUDIT_CHAIN_HEADS = "audit-chain-heads";

    private static final String WEEK_MS = String.valueOf(7L * 24 * 3600 * 1000);
    private static final String MONTH_MS = String.valueOf(30L * 24 * 3600 * 1000);

    /** A topic name, its partition count and configs. */
    public record Spec(String name, int partitions, Map<String, String> configs) {
    }

    private Topics() {
    }

    /** All topics; {@code minInsyncReplicas} is 1 on a single broker and 2 in production. */
    public static List<Spec> all(int minInsyncReplicas) {
        String minIsr = String.valueOf(minInsyncReplicas);
        return List.of(
                new Spec(RAW, 6, Map.of("retention.ms", WEEK_MS, "min.insync.replicas", minIsr,
                        "unclean.leader.election.enable", "false")),
                new Spec(VALIDATED, 6, Map.of("retention.ms", WEEK_MS, "min.insync.replicas", minIsr,
                        "unclean.leader.election.enable", "false")),
                // Quarantined events wait for a fix and a replay: keep them longer than the rest.
                new Spec(QUARANTINED, 3, Map.of("retention.ms", MONTH_MS, "min.insync.replicas", minIsr,
                        "unclean.leader.election.enable", "false")),
                // What a topology could not process, kept as long as quarantined events so that it can be replayed.
                new Spec(DEAD_LETTERS, 3, Map.of("retention.ms", MONTH_MS, "min.insync.replicas", minIsr,
                        "unclean.leader.election.enable", "false")),
                new Spec(DUPLICATES, 3, Map.of("retention.ms", WEEK_MS, "min.insync.replicas", minIsr,
                        "unclean.leader.election.enable", "false")),
                new Spec(STATS, 3, Map.of("retention.ms", MONTH_MS, "min.insync.replicas", minIsr,
                        "unclean.leader.election.enable", "false")),
                new Spec(UNPLANNED_SAMPLES, 3, Map.of("retention.ms", WEEK_MS, "min.insync.replicas", minIsr,
                        "unclean.leader.election.enable", "false")),
                new Spec(QUARANTINE_RELEASES, 3, Map.of("retention.ms", WEEK_MS, "min.insync.replicas", minIsr,
                        "unclean.leader.election.enable", "false")),
                new Spec(RELEASE_OUTCOMES, 3, Map.of("retention.ms", WEEK_MS, "min.insync.replicas", minIsr,
                        "unclean.leader.election.enable", "false")),
                new Spec(ALERTS, 3, Map.of("retention.ms", MONTH_MS, "min.insync.replicas", minIsr)),
                // The change log is the audit trail's source: never expire it.
                new Spec(DEFINITION_CHANGES, 3, Map.of("retention.ms", "-1", "min.insync.replicas", minIsr,
                        "unclean.leader.election.enable", "false")),
                // The current state of every write key (by hash): the ingest edge reads it whole at start.
                new Spec(WRITE_KEYS, 1, Map.of("cleanup.policy", "compact", "min.insync.replicas", minIsr,
                        "unclean.leader.election.enable", "false", "min.compaction.lag.ms", "0")),
                // The current state of every event definition (key workspace/name) and every workspace's settings:
                // the validation pipeline and anomaly-service read them whole.
                new Spec(EVENT_DEFINITIONS, 3, Map.of("cleanup.policy", "compact", "min.insync.replicas", minIsr,
                        "unclean.leader.election.enable", "false", "min.compaction.lag.ms", "0")),
                new Spec(WORKSPACES, 1, Map.of("cleanup.policy", "compact", "min.insync.replicas", minIsr,
                        "unclean.leader.election.enable", "false", "min.compaction.lag.ms", "0")),
                // The current state of every stored alert rule: anomaly-service reads it whole. A deleted rule stays
                // as a record with deleted=true (never a tombstone), so that compaction cannot hide the deletion.
                // Only the latest head per workspace matters; it is never deleted (no tombstones are written).
                new Spec(AUDIT_CHAIN_HEADS, 3, Map.of("cleanup.policy", "compact", "min.insync.replicas", minIsr,
                        "unclean.leader.election.enable", "false", "min.compaction.lag.ms", "0")),
                new Spec(ALERT_RULES, 3, Map.of("cleanup.policy", "compact", "min.insync.replicas", minIsr,
                        "unclean.leader.election.enable", "false", "min.compaction.lag.ms", "0")));
    }
}
