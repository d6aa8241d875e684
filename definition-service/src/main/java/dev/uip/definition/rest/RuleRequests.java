package dev.uip.definition.rest;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.uip.definition.domain.AlertRuleChecks;
import dev.uip.definition.domain.AlertRuleSettings;
import dev.uip.definition.domain.InvalidDefinitionException;
import dev.uip.definition.domain.InvalidRuleException;
import dev.uip.definition.domain.RuleCallType;
import dev.uip.definition.domain.RuleKey;
import dev.uip.definition.domain.RuleKind;
import dev.uip.definition.service.AlertRuleWriter;

/** Reads what the alert-rule API is given (path, query, If-Match, body): every refusal is a 400 naming the field. */
@ApplicationScoped
public class RuleRequests {

    static final int MAX_VERSION_DIGITS = 9;

    @Inject
    RequestReader reader;

    AlertRuleSettings settings(String body) {
        return rule(() -> reader.readStrict(body, AlertRuleRequest.class, "a JSON object with the rule's settings"
                + " is required ({} for all defaults)", AlertRuleRequest.FIELDS)).settings();
    }

    /** The name of a named series, checked as for {@link #eventKey}. */
    String event(String event, String callType) {
        return eventKey(event, RuleKind.STOPPED.apiName(), callType).event();
    }

    /** The key of a rule of a named series: track (default), page or screen. */
    RuleKey eventKey(String event, String kind, String callType) {
        RuleCallType type = callType == null || callType.isBlank()
                ? RuleCallType.TRACK
                : parse("callType", () -> RuleCallType.fromApiName(callType.strip()));
        if (!type.hasEvent()) {
            throw new InvalidRuleException("callType", type.apiName() + " rules have no event: use /v1/calls/"
                    + type.apiName() + "/rules/{kind}");
        }
        return key(type, event, kind);
    }

    /** The key of a rule of an unnamed series: identify, group or alias. */
    RuleKey callKey(String callType, String kind) {
        RuleCallType type = parse("callType", () -> RuleCallType.fromApiName(callType));
        if (type.hasEvent()) {
            throw new InvalidRuleException("callType", type.apiName() + " rules name an event: use /v1/events/{event}"
                    + "/rules/{kind}?callType=" + type.apiName());
        }
        return key(type, "", kind);
    }

    /**
     * The version a write expects, from {@code If-Match} ({@code "3"}, {@code 3} or {@code *}) or
     * {@code ?expectedVersion=} (0: only if none is in effect); null when neither is given.
     */
    Integer expectedVersion(String ifMatch, String query) {
        Integer header = ifMatch == null || ifMatch.isBlank() ? null : ifMatch(ifMatch.strip());
        Integer param = query == null || query.isBlank()
                ? null
                : rule(() -> QueryParams.integer("expectedVersion", query, 0, 0, Integer.MAX_VALUE));
        if (header != null && param != null && !header.equals(param)) {
            throw new InvalidRuleException("expectedVersion", "If-Match and expectedVersion disagree; send one");
        }
        return header != null ? header : param;
    }

    RuleKind kind(String kind) {
        return parse("kind", () -> RuleKind.fromApiName(kind));
    }

    RuleCallType callType(String callType) {
        return callType == null || callType.isBlank()
                ? null
                : parse("callType", () -> RuleCallType.fromApiName(callType.strip()));
    }

    /** Runs a parse that throws the generic 400 and answers it as a rule's 400 instead. */
    static <T> T rule(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidRuleException e) {
            throw e;
        } catch (InvalidDefinitionException e) {
            throw new InvalidRuleException(e.field(), e.getMessage());
        }
    }

    private RuleKey key(RuleCallType type, String event, String kind) {
        String problem = AlertRuleChecks.eventProblem(type, event);
        if (problem != null) {
            throw new InvalidRuleException("event", problem);
        }
        return new RuleKey(type, event, kind(kind));
    }

    private static Integer ifMatch(String value) {
        if (value.equals("*")) {
            return AlertRuleWriter.ANY_VERSION;
        }
        String tag = value.startsWith("W/") ? value.substring(2) : value;
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        String digits = tag;
        if (digits.isEmpty() || digits.length() > MAX_VERSION_DIGITS
                || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidRuleException("If-Match", "If-Match is the rule's ETag (its version, e.g. \"3\") or *");
        }
        return Integer.parseInt(digits);
    }

    private static <T> T parse(String field, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidRuleException(field, e.getMessage());
        }
    }
}
