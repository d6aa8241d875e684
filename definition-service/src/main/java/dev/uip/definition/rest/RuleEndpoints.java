package dev.uip.definition.rest;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;

import dev.uip.definition.domain.RuleKey;
import dev.uip.definition.repository.AlertRuleRepository;
import dev.uip.definition.service.AlertRuleQueries;
import dev.uip.definition.service.AlertRuleWriter;
import dev.uip.schemas.identity.VerifiedCaller;

/** The behaviour behind both paths of a rule (by event and by call type): PUT, GET, DELETE and its versions. */
@ApplicationScoped
public class RuleEndpoints {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;

    @Inject
    RuleRequests requests;

    @Inject
    AlertRuleWriter writer;

    @Inject
    AlertRuleQueries queries;

    Uni<Response> put(VerifiedCaller caller, RuleKey key, String body, String ifMatch, String expected,
            URI location) {
        var settings = requests.settings(body);
        Integer version = requests.expectedVersion(ifMatch, expected);
        return writer.put(caller.workspace(), caller.actor(), key, settings, version)
                .map(written -> (written.created() ? Response.created(location) : Response.ok())
                        .entity(written.rule()).tag(tag(written.rule())).build());
    }

    Uni<Response> get(VerifiedCaller caller, RuleKey key) {
        return queries.get(caller.workspace(), key)
                .map(rule -> Response.ok(rule).tag(tag(rule)).build());
    }

    Uni<AlertRuleView> delete(VerifiedCaller caller, RuleKey key, String ifMatch, String expected) {
        Integer version = requests.expectedVersion(ifMatch, expected);
        return writer.delete(caller.workspace(), caller.actor(), key, version);
    }

    Uni<PageView<AlertRuleVersionView>> versions(VerifiedCaller caller, RuleKey key, String page,
            String size) {
        int pageIndex = page(page);
        int pageSize = size(size);
        return queries.versions(caller.workspace(), key, pageIndex, pageSize);
    }

    Uni<PageView<AlertRuleView>> list(VerifiedCaller caller, AlertRuleRepository.Filter filter, String page,
            String size) {
        int pageIndex = page(page);
        int pageSize = size(size);
        return queries.list(caller.workspace(), filter, pageIndex, pageSize);
    }

    private static int page(String page) {
        return RuleRequests.rule(() -> QueryParams.integer("page", page, 0, 0, 1_000_000));
    }

    private static int size(String size) {
        return RuleRequests.rule(() -> QueryParams.integer("size", size, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE));
    }

    private static EntityTag tag(AlertRuleView rule) {
        return new EntityTag(Integer.toString(rule.version()));
    }
}
