package dev.uip.definition.suggestion.rest;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.uip.definition.domain.inference.Conflict;
import dev.uip.definition.domain.inference.ProposedDefinition;
import dev.uip.definition.rest.DefinitionView;
import dev.uip.definition.suggestion.domain.Suggestion;
import dev.uip.definition.suggestion.domain.UnplannedEvent;
import dev.uip.definition.suggestion.domain.UnplannedSample;
import dev.uip.definition.suggestion.service.SuggestionAdoption;

/** The JSON shapes of the suggestions API. */
final class SuggestionViews {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SuggestionViews() {
    }

    /** A page of suggestions; notTracked counts records of events beyond the workspace's cap. */
    record PageView(List<SuggestionView> items, int page, int size, long total, long notTracked) {
    }

    /** Events in the hours begun in the last 24 hours and within the kept age, split by what validation did. */
    record VolumeView(long last24h, long last7d, long unplanned7d, long quarantined7d) {
    }

    /** One sample as the edge received it. */
    record SampleView(String messageId, Instant receivedAt, JsonNode payload) {

        static SampleView of(UnplannedSample sample) {
            JsonNode payload;
            try {
                payload = JSON.readTree(sample.payload());
            } catch (JsonProcessingException e) {
                payload = JSON.getNodeFactory().textNode(sample.payload());
            }
            return new SampleView(sample.messageId(), sample.receivedAt(), payload);
        }
    }

    /** One suggestion; recentSamples only when reading one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SuggestionView(String event, VolumeView volume, Instant firstSeen, Instant lastSeen, int sampleCount,
            boolean adoptable, Instant dismissedAt, ProposedDefinition proposal, List<Conflict> conflicts,
            List<SampleView> recentSamples) {

        static SuggestionView of(Suggestion suggestion, boolean withSamples) {
            UnplannedEvent event = suggestion.event();
            return new SuggestionView(event.event(), new VolumeView(event.last24h(), event.last7d(),
                    event.unplanned(), event.quarantined()), event.firstSeen(), event.lastSeen(),
                    suggestion.samples(), suggestion.adoptable(), event.dismissedAt(), suggestion.proposal(),
                    suggestion.conflicts(),
                    withSamples ? suggestion.recent().stream().map(SampleView::of).toList() : null);
        }
    }

    /** The draft an adoption created, and what to do about the event's quarantined events. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AdoptedView(DefinitionView definition, ProposedDefinition proposal, long quarantined, String next) {

        static AdoptedView of(SuggestionAdoption.Adopted adopted) {
            String name = adopted.definition().name();
            String next = "review the draft, then publish it (POST /v1/definitions/" + name + "/publish)";
            if (adopted.quarantined() > 0) {
                next += "; then release its " + adopted.quarantined() + " quarantined UNKNOWN_EVENT events with"
                        + " POST /v1/quarantine/release {\"filter\": {\"event\": \"" + name
                        + "\", \"reason\": \"UNKNOWN_EVENT\"}}";
            }
            return new AdoptedView(adopted.definition(), adopted.proposal(), adopted.quarantined(), next);
        }
    }

    /** The state of a dismissed or restored suggestion. */
    record DismissView(String event, boolean dismissed) {
    }
}
