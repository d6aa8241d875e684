package dev.uip.ingest.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import dev.uip.schemas.DefinitionCallType;
import dev.uip.schemas.DefinitionStatus;
import dev.uip.schemas.EventDefinitionState;
import dev.uip.schemas.MessageType;
import dev.uip.schemas.names.DefinitionKeys;
import dev.uip.schemas.virtual.VirtualRule;

/**
 * The active virtual definitions of every workspace, parsed once and indexed by the call type or event name their rule
 * reads, so that an event finds its few candidate rules with two map lookups. Fed with each change of
 * event-definitions; readers see whole, immutable per-workspace snapshots.
 */
public class VirtualRuleIndex {

    private static final Logger LOG = Logger.getLogger(VirtualRuleIndex.class);

    /** One active virtual definition: the derived event's name, the version whose rule this is, the rule. */
    public record Entry(String name, int version, VirtualRule rule) {
    }

    /** One workspace's entries by name and by index key (see {@link VirtualRule#sourceKeys}), in name order. */
    private record Snapshot(Map<String, Entry> byName, Map<String, List<Entry>> byKey) {

        static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of());

        Snapshot with(String name, Entry entry) {
            Map<String, Entry> names = new HashMap<>(byName);
            if (entry == null) {
                names.remove(name);
            } else {
                names.put(name, entry);
            }
            Map<String, List<Entry>> keys = new HashMap<>();
            names.values().stream().sorted(Comparator.comparing(Entry::name)).forEach(e -> e.rule().sourceKeys()
                    .forEach(key -> keys.computeIfAbsent(key, k -> new ArrayList<>()).add(e)));
            keys.replaceAll((key, list) -> List.copyOf(list));
            return new Snapshot(Map.copyOf(names), Map.copyOf(keys));
        }
    }

    private final Map<String, Snapshot> workspaces = new ConcurrentHashMap<>();
    private final AtomicLong unreadable = new AtomicLong();

    /**
     * Takes in the current state of one definition: an active virtual one is (re)indexed, any other track definition
     * removed; a page, screen or identify definition is not a track event's, so it leaves a virtual event of the same
     * name alone.
     */
    public void update(EventDefinitionState state) {
        if (DefinitionKeys.callType(state) != DefinitionCallType.TRACK) {
            return;
        }
        Entry entry = null;
        if (state.getVirtualRule() != null && state.getStatus() == DefinitionStatus.ACTIVE) {
            try {
                entry = new Entry(state.getName(), state.getVersion(), VirtualRule.parse(state.getVirtualRule()));
            } catch (RuntimeException e) {
                // definition-service checked it; a rule this version cannot read (a newer writer) is left out
                unreadable.incrementAndGet();
                LOG.warnf("Virtual definition %s/%s v%d has a rule this version cannot read, skipped: %s",
                        state.getWorkspaceId(), state.getName(), state.getVersion(), e.getMessage());
            }
        }
        Entry added = entry;
        workspaces.compute(state.getWorkspaceId(), (ws, old) -> {
            Snapshot current = old == null ? Snapshot.EMPTY : old;
            if (added == null && !current.byName().containsKey(state.getName())) {
                return old;
            }
            Snapshot next = current.with(state.getName(), added);
            return next.byName().isEmpty() ? null : next;
        });
    }

    /**
     * The active virtual definitions of the workspace whose rules can match a message of this type and event name, in
     * name order, each once.
     */
    public List<Entry> candidates(String workspaceId, MessageType type, String event) {
        Snapshot snapshot = workspaces.get(workspaceId);
        if (snapshot == null) {
            return List.of();
        }
        List<String> keys = VirtualRule.lookupKeys(type, event);
        List<Entry> first = snapshot.byKey().getOrDefault(keys.get(0), List.of());
        if (keys.size() == 1) {
            return first;
        }
        List<Entry> second = snapshot.byKey().getOrDefault(keys.get(1), List.of());
        if (first.isEmpty() || second.isEmpty()) {
            return first.isEmpty() ? second : first;
        }
        Set<Entry> both = new LinkedHashSet<>(first);
        both.addAll(second);
        return both.stream().sorted(Comparator.comparing(Entry::name)).toList();
    }

    /** Rules skipped because they could not be parsed. */
    public long unreadable() {
        return unreadable.get();
    }
}
