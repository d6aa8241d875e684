package dev.uip.definition.quarantine.rest;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.uip.definition.config.QuarantineConfig;
import dev.uip.definition.domain.InvalidDefinitionException;
import dev.uip.definition.quarantine.domain.InvalidQuarantineRequestException;
import dev.uip.definition.quarantine.domain.QuarantineFilter;
import dev.uip.definition.rest.RequestReader;

/** Reads and bounds the bodies of preview, release and discard (strict JSON: unknown fields are refused). */
@ApplicationScoped
class QuarantineBodies {

    @Inject
    RequestReader reader;

    @Inject
    QuarantineConfig config;

    QuarantineRequest read(String body) {
        try {
            return reader.readStrict(body, QuarantineRequest.class, "a JSON body with a filter or messageIds is"
                    + " required", QuarantineRequest.FIELDS);
        } catch (InvalidDefinitionException e) {
            throw new InvalidQuarantineRequestException(e.field(), e.getMessage());
        }
    }

    /** The events a body selects; a release or discard must name a filter or messageIds (an empty filter: all). */
    QuarantineFilter filter(QuarantineRequest request, boolean required) {
        if (required && request.filter() == null && request.messageIds() == null) {
            throw new InvalidQuarantineRequestException("$", "name the events: a filter (e.g. {\"filter\":"
                    + " {\"event\": \"Invoice Sent\"}}; {} selects all) or messageIds");
        }
        QuarantineRequest.Filter f = request.filter() == null
                ? new QuarantineRequest.Filter(null, null, null, null, null)
                : request.filter();
        return QuarantineParams.filter(f.event(), f.reason(), f.path(), f.from(), f.to(), null,
                messageIds(request.messageIds()));
    }

    int limit(QuarantineRequest request) {
        Integer limit = request.limit();
        if (limit == null) {
            return config.previewDefaultLimit();
        }
        if (limit < 1 || limit > config.previewMaxLimit()) {
            throw new InvalidQuarantineRequestException("limit", "limit must be from 1 to " + config.previewMaxLimit());
        }
        return limit;
    }

    /** A discard's reason: required, not blank, bounded, no control characters but line breaks. */
    String discardReason(QuarantineRequest request) {
        String reason = request.reason();
        if (reason == null || reason.isBlank()) {
            throw new InvalidQuarantineRequestException("reason", "a discard needs a reason (non-blank text)");
        }
        if (reason.length() > config.maxReasonLength()
                || reason.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new InvalidQuarantineRequestException("reason", "reason is at most " + config.maxReasonLength()
                    + " characters without control characters");
        }
        return reason.strip();
    }

    private List<String> messageIds(List<String> ids) {
        if (ids == null) {
            return null;
        }
        if (ids.isEmpty() || ids.size() > config.maxMessageIds()) {
            throw new InvalidQuarantineRequestException("messageIds", "messageIds holds 1 to "
                    + config.maxMessageIds() + " ids");
        }
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id == null || id.isBlank() || id.length() > QuarantineParams.MAX_TEXT
                    || id.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidQuarantineRequestException("messageIds[" + i + "]", "a messageId is 1 to "
                        + QuarantineParams.MAX_TEXT + " characters without control characters");
            }
        }
        return List.copyOf(ids);
    }
}
