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

    Uni<Response> put(RuleRequests.Caller caller, RuleKey key, String body, String ifMatch, String expected,
            URI location) {
        String actor = requests.actor(caller);
        var settings = requests.settings(body);
        Integer version = requests.expectedVersion(ifMatch, expected);
        return requests.workspace(caller).chain(ws -> writer.put(ws, actor, key, settings, version))
                .map(written -> (written.created() ? Response.created(location) : Response.ok())
                        .entity(written.rule()).tag(tag(written.rule())).build());
    }

    Uni<Response> get(RuleRequests.Caller caller, RuleKey key) {
        return requests.workspace(caller).chain(ws -> queries.get(ws, key))
                .map(rule -> Response.ok(rule).tag(tag(rule)).build());
    }

    Uni<AlertRuleView> delete(RuleRequests.Caller caller, RuleKey key, String ifMatch, String expected) {
        String actor = requests.actor(caller);
        Integer version = requests.expectedVersion(ifMatch, expected);
        return requests.workspace(caller).chain(ws -> writer.delete(ws, actor, key, version));
    }

    Uni<PageView<AlertRuleVersionView>> versions(RuleRequests.Caller caller, RuleKey key, String page,
            String size) {
        int pageIndex = page(page);
        int pageSize = size(size);
        return requests.workspace(caller).chain(ws -> queries.versions(ws, key, pageIndex, pageSize));
    }

    Uni<PageView<AlertRuleView>> list(RuleRequests.Caller caller, AlertRuleRepository.Filter filter, String page,
            String size) {
        int pageIndex = page(page);
        int pageSize = size(size);
        return requests.workspace(caller).chain(ws -> queries.list(ws, filter, pageIndex, pageSize));
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
