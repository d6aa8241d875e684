package dev.uip.definition.quarantine.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

import io.smallrye.mutiny.Uni;

import dev.uip.definition.quarantine.domain.PreviewResult;
import dev.uip.definition.quarantine.domain.QuarantineFilter;
import dev.uip.definition.quarantine.domain.QuarantineStatus;
import dev.uip.definition.quarantine.domain.QuarantinedEvent;
import dev.uip.definition.quarantine.domain.ReplayCheck;
import dev.uip.definition.quarantine.repository.PublishedDefinitions;
import dev.uip.definition.quarantine.repository.QuarantineQueries;
import dev.uip.definition.repository.WorkspaceScope;
import dev.uip.schemas.Violation;

/** Validates matching QUARANTINED events again, without changing anything, against their current definitions. */
@ApplicationScoped
public class QuarantinePreview {

    /** Most failure groups and examples reported. */
    static final int MAX_GROUPS = 100;
    static final int MAX_EXAMPLES = 3;

    @Inject
    WorkspaceScope scope;

    @Inject
    QuarantineQueries queries;

    @Inject
    PublishedDefinitions definitions;

    public Uni<PreviewResult> preview(String workspaceId, QuarantineFilter requested, int limit) {
        QuarantineFilter filter = requested.withStatus(QuarantineStatus.QUARANTINED);
        return scope.sql(workspaceId, connection -> queries.oldest(connection, workspaceId, filter, limit)
                .chain(events -> {
                    Set<String> names = events.stream().map(QuarantinedEvent::event).filter(Objects::nonNull)
                            .collect(Collectors.toSet());
                    return definitions.byName(connection, workspaceId, names)
                            .chain(found -> definitions.acceptsUnplanned(connection, workspaceId)
                                    .map(unplanned -> check(events, found, unplanned)))
                            .chain(result -> queries.count(connection, workspaceId, filter)
                                    .map(matching -> result.withMatching(matching)));
                }));
    }

    private static Partial check(List<QuarantinedEvent> events, Map<String, PublishedDefinitions.Current> found,
            boolean acceptUnplanned) {
        Map<String, ReplayCheck.Definition> parsed = new HashMap<>();
        Partial partial = new Partial();
        for (QuarantinedEvent event : events) {
            ReplayCheck.Definition definition = event.event() == null
                    ? null
                    : parsed.computeIfAbsent(event.event(), name -> definition(found.get(name)));
            ReplayCheck.Verdict verdict = ReplayCheck.check(event.callType(), event.event(), event.raw().payload(),
                    definition, acceptUnplanned);
            partial.add(event.messageId(), verdict);
        }
        return partial;
    }

    private static ReplayCheck.Definition definition(PublishedDefinitions.Current current) {
        if (current == null) {
            return null;
        }
        Schema schema = null;
        if (current.schemaText() != null) {
            try {
                schema = new Schema.Parser().parse(current.schemaText());
            } catch (SchemaParseException e) {
                // A schema this service cannot read cannot pass anything: treated as no published version.
            }
        }
        return new ReplayCheck.Definition(current.status(), current.enforcement(), schema);
    }

    /** The verdicts so far. */
    private static final class Partial {

        private int checked;
        private int passing;
        private final List<String> passingExamples = new ArrayList<>();
        private final Map<String, Group> groups = new LinkedHashMap<>();

        void add(String messageId, ReplayCheck.Verdict verdict) {
            checked++;
            if (verdict.passes()) {
                passing++;
                if (passingExamples.size() < MAX_EXAMPLES) {
                    passingExamples.add(messageId);
                }
                return;
            }
            for (Violation violation : verdict.violations()) {
                String key = verdict.reason() + "|" + violation.getCode() + "|" + violation.getPath();
                Group group = groups.get(key);
                if (group == null && groups.size() < MAX_GROUPS) {
                    group = new Group(verdict.reason(), violation);
                    groups.put(key, group);
                }
                if (group != null && !group.ids.contains(messageId)) {
                    group.count++;
                    if (group.ids.size() < MAX_EXAMPLES) {
                        group.ids.add(messageId);
                    }
                }
            }
        }

        PreviewResult withMatching(long matching) {
            List<PreviewResult.FailureGroup> failures = groups.values().stream()
                    .sorted((a, b) -> Integer.compare(b.count, a.count))
                    .map(g -> new PreviewResult.FailureGroup(g.reason, g.violation.getCode(), g.violation.getPath(),
                            g.count, g.violation.getMessage(), List.copyOf(g.ids)))
                    .toList();
            return new PreviewResult(matching, checked, passing, checked - passing, List.copyOf(passingExamples),
                    failures);
        }
    }

    private static final class Group {

        final String reason;
        final Violation violation;
        final List<String> ids = new ArrayList<>();
        int count;

        Group(String reason, Violation violation) {
            this.reason = reason;
            this.violation = violation;
        }
    }
}
