package dev.uip.stack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * The authorization matrix of one running service (issue 12): enumerates its routes from {@code /q/openapi}, calls
 * each with credentials that must be refused (none, forged, expired or revoked), as viewer, editor and admin of
 * workspace A and as admin of workspace B,
 * and checks every answer against a table of rules keyed by {@code "METHOD /path"}. A route without a rule, or a
 * rule without a route, fails the check, so a new route cannot go unnoticed.
 */
public final class AuthorizationMatrix {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    private static final List<String> ROLES = List.of("viewer", "editor", "admin");
    private static final String SESSION = "session";

    /** What the other workspace's admin gets for workspace A's path or object ids. */
    public enum Foreign {
        /** A 404, as if it did not exist (a path workspace or an object id of A). */
        NOT_FOUND,
        /** Their own workspace's answer, with nothing of A in it (a list of the token's workspace). */
        OWN_DATA
    }

    /**
     * How one route is guarded and called.
     *
     * @param needs the least role allowed, or null for a route that is public by design
     * @param params path parameters naming workspace A's objects
     * @param query a query string (without {@code ?}), or null
     * @param body a JSON body, or null
     * @param foreign what the other workspace's admin gets
     */
    public record Rule(String needs, Map<String, String> params, String query, String body, Foreign foreign) {

        /** A route for {@code needs} and above whose path names workspace A's objects. */
        public static Rule of(String needs, Map<String, String> params) {
            return new Rule(needs, params, null, null, Foreign.NOT_FOUND);
        }

        /** A route for {@code needs} and above that answers the token's own workspace. */
        public static Rule own(String needs, Map<String, String> params) {
            return new Rule(needs, params, null, null, Foreign.OWN_DATA);
        }

        /**
         * A route of a signed-in browser only (its session cookie): every bearer credential, whatever its role, is
         * refused 401.
         */
        public static Rule sessionOnly() {
            return new Rule(SESSION, Map.of(), null, null, Foreign.OWN_DATA);
        }

        /** A route nobody needs a token for (e.g. authenticated by a write key). */
        public static Rule open(Map<String, String> params) {
            return new Rule(null, params, null, null, Foreign.OWN_DATA);
        }

        public Rule withQuery(String newQuery) {
            return new Rule(needs, params, newQuery, body, foreign);
        }

        public Rule withBody(String newBody) {
            return new Rule(needs, params, query, newBody, foreign);
        }
    }

    /** The credentials the matrix calls with, as {@code Authorization} header values. */
    public interface Credentials {

        /** A credential of {@code role} in {@code workspace}. */
        String of(String workspace, String role);

        /**
         * Credentials of {@code workspace} that must be refused 401 UNAUTHENTICATED, by what they are (a null value
         * sends no credential).
         */
        Map<String, String> refused(String workspace);
    }

    /** The service tokens the gateway signs, made by {@link TestTokens}: what every service behind it accepts. */
    public static final Credentials SERVICE_TOKENS = new Credentials() {

        @Override
        public String of(String workspace, String role) {
            return TestTokens.bearer(workspace, role);
        }

        @Override
        public Map<String, String> refused(String workspace) {
            Map<String, String> refused = new LinkedHashMap<>();
            refused.put("no token", null);
            refused.put("forged token", "Bearer " + TestTokens.forged(workspace, "admin"));
            refused.put("expired token", "Bearer " + TestTokens.token(workspace, "admin", "user:expired",
                    Duration.ofMinutes(-5)));
            return refused;
        }
    };

    private final URI base;
    private final String workspaceA;
    private final String workspaceB;
    private final Credentials credentials;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** The matrix of a service behind the gateway, called with service tokens. */
    public AuthorizationMatrix(URI base, String workspaceA, String workspaceB) {
        this(base, workspaceA, workspaceB, SERVICE_TOKENS);
    }

    public AuthorizationMatrix(URI base, String workspaceA, String workspaceB, Credentials credentials) {
        this.base = base;
        this.workspaceA = workspaceA;
        this.workspaceB = workspaceB;
        this.credentials = credentials;
    }

    /** The routes of the service's OpenAPI document, as {@code "METHOD /path"}. */
    public Set<String> routes() {
        Map<String, Object> document;
        try {
            document = JsonUtil.parseJson(send("GET", "/q/openapi?format=json", null, null).body());
        } catch (JoseException e) {
            throw new AssertionError("/q/openapi?format=json is not JSON", e);
        }
        Set<String> routes = new TreeSet<>();
        Object paths = document.get("paths");
        if (paths instanceof Map<?, ?> byPath) {
            byPath.forEach((path, operations) -> {
                for (String method : METHODS) {
                    if (operations instanceof Map<?, ?> ops && ops.containsKey(method)) {
                        routes.add(method.toUpperCase(Locale.ROOT) + " " + path);
                    }
                }
            });
        }
        return routes;
    }

    /**
     * Checks every route against {@code table}; {@code markersOfA} are strings found only in workspace A's data (its
     * id is one), none of which may appear in an answer to workspace B. Throws one error listing every failure.
     */
    public void check(Map<String, Rule> table, List<String> markersOfA) {
        List<String> failures = new ArrayList<>();
        Set<String> routes = routes();
        if (routes.isEmpty()) {
            failures.add("the OpenAPI document lists no route");
        }
        for (String route : routes) {
            Rule rule = table.get(route);
            if (rule == null) {
                failures.add(route + ": no rule in the matrix table (every route needs one)");
                continue;
            }
            checkRoute(route, rule, markersOfA, failures);
        }
        for (String route : table.keySet()) {
            if (!routes.contains(route)) {
                failures.add(route + ": in the table but not served (stale rule)");
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " authorization failures:\n  " + String.join("\n  ",
                    failures));
        }
    }

    private void checkRoute(String route, Rule rule, List<String> markersOfA, List<String> failures) {
        String method = route.substring(0, route.indexOf(' '));
        String target = target(route.substring(route.indexOf(' ') + 1), rule);
        if (SESSION.equals(rule.needs())) {
            Map<String, String> all = new LinkedHashMap<>(credentials.refused(workspaceA));
            ROLES.forEach(role -> all.put(role, credentials.of(workspaceA, role)));
            all.put("admin of " + workspaceB, credentials.of(workspaceB, "admin"));
            all.forEach((who, authorization) -> expect(route, who, send(method, target, authorization, rule.body()),
                    401, "UNAUTHENTICATED", failures));
            return;
        }
        credentials.refused(workspaceA).forEach((who, authorization) -> {
            HttpResponse<String> answer = send(method, target, authorization, rule.body());
            if (rule.needs() == null) {
                expectAllowed(route, who, answer, failures);
            } else {
                expect(route, who, answer, 401, "UNAUTHENTICATED", failures);
            }
        });
        int needed = rule.needs() == null ? -1 : ROLES.indexOf(rule.needs());
        for (int rank = 0; rank < ROLES.size(); rank++) {
            String role = ROLES.get(rank);
            HttpResponse<String> answer = send(method, target, credentials.of(workspaceA, role), rule.body());
            if (rank < needed) {
                expect(route, role, answer, 403, "FORBIDDEN", failures);
            } else {
                expectAllowed(route, role, answer, failures);
            }
        }
        HttpResponse<String> other = send(method, target, credentials.of(workspaceB, "admin"), rule.body());
        String who = "admin of " + workspaceB;
        if (rule.foreign() == Foreign.NOT_FOUND && rule.needs() != null) {
            expect(route, who, other, 404, null, failures);
        } else {
            expectAllowed(route, who, other, failures);
        }
        for (String marker : markersOfA) {
            if (other.body().contains(marker)) {
                failures.add(route + " as " + who + ": the answer shows " + workspaceA + "'s data (" + marker + ")");
            }
        }
    }

    private static void expect(String route, String who, HttpResponse<String> answer, int status, String code,
            List<String> failures) {
        if (answer.statusCode() != status) {
            failures.add(route + " as " + who + ": " + answer.statusCode() + " instead of " + status + " "
                    + shortened(answer.body()));
        } else if (!answer.headers().firstValue("Content-Type").orElse("").contains("application/json")
                || (code != null && !answer.body().contains("\"" + code + "\""))) {
            failures.add(route + " as " + who + ": " + status + " without a JSON " + (code == null ? "error" : code)
                    + " body: " + shortened(answer.body()));
        }
    }

    private static void expectAllowed(String route, String who, HttpResponse<String> answer, List<String> failures) {
        int status = answer.statusCode();
        if (status == 401 || status == 403 || status >= 500) {
            failures.add(route + " as " + who + ": refused or failed with " + status + " " + shortened(answer
                    .body()));
        }
    }

    private String target(String path, Rule rule) {
        String filled = path;
        for (Map.Entry<String, String> param : rule.params().entrySet()) {
            filled = filled.replace("{" + param.getKey() + "}", URLEncoder.encode(param.getValue(),
                    StandardCharsets.UTF_8).replace("+", "%20"));
        }
        if (filled.contains("{")) {
            throw new IllegalArgumentException("no value for a parameter of " + path + ": " + rule.params());
        }
        return rule.query() == null ? filled : filled + "?" + rule.query();
    }

    private HttpResponse<String> send(String method, String target, String authorization, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(target)).timeout(Duration.ofSeconds(30))
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(method + " " + target + " could not be sent", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String shortened(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "...";
    }
}
