package dev.uip.gateway.proxy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which service answers {@code /api/v1/<segment>/...}, by that first segment; checked once at start, so a route to an
 * unknown service, a segment routed twice or a routed segment the gateway answers itself stops the gateway.
 */
public final class RouteTable {

    /** The prefix of every passed-on path; the services' own paths are this without {@code /api}. */
    public static final String API_PREFIX = "/api";
    private static final String VERSION_PREFIX = API_PREFIX + "/v1/";
    private static final Pattern SEGMENT = Pattern.compile("[a-z0-9][a-z0-9-]*");

    /** Where one call goes: the service's name and base URL. */
    public record Target(String service, String baseUrl) {
    }

    private final Map<String, Target> bySegment = new HashMap<>();
    private final Set<String> localSegments;

    /**
     * @param routes service name by first segment
     * @param serviceUrls base URL by service name
     * @param localSegments first segments the gateway answers itself
     */
    public RouteTable(Map<String, String> routes, Map<String, String> serviceUrls, List<String> localSegments) {
        this.localSegments = Set.copyOf(localSegments);
        List<String> problems = new ArrayList<>();
        for (String local : localSegments) {
            if (!SEGMENT.matcher(local).matches()) {
                problems.add("local segment '" + local + "' is not a lower-case path segment");
            }
        }
        routes.forEach((segment, service) -> {
            String url = serviceUrls.get(service);
            if (url == null) {
                problems.add("'" + segment + "' goes to '" + service + "', which is not in uip.gateway.services");
            } else if (!SEGMENT.matcher(segment).matches()) {
                problems.add("'" + segment + "' is not a lower-case path segment");
            } else if (this.localSegments.contains(segment)) {
                problems.add("'" + segment + "' is answered by the gateway itself");
            } else {
                bySegment.put(segment, new Target(service, url.replaceAll("/+$", "")));
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("uip.gateway.proxy.routes: " + String.join("; ", problems));
        }
    }

    /** The service answering {@code path} (normalized, starting with {@code /api/v1/}), if any. */
    public Optional<Target> target(String path) {
        return firstSegment(path).map(bySegment::get);
    }

    /** The names of the services some segment goes to. */
    public Set<String> services() {
        return bySegment.values().stream().map(Target::service)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** The base URL of a service the table routes to. */
    public Optional<String> baseUrl(String service) {
        return bySegment.values().stream().filter(target -> target.service().equals(service)).findFirst()
                .map(Target::baseUrl);
    }

    /** Whether the service {@code service} answers {@code servicePath} ({@code /v1/<segment>...}) for the gateway. */
    public boolean routes(String service, String servicePath) {
        return target(API_PREFIX + servicePath).map(target -> target.service().equals(service)).orElse(false);
    }

    /**
     * A regular expression matching every {@code /api/v1/<segment>...} path except those of the gateway's own
     * segments, which stay with its REST resources.
     */
    public String passedOnPathRegex() {
        String local = String.join("|", localSegments.stream().sorted().toList());
        String excluded = local.isEmpty() ? "" : "(?!(?:" + local + ")(?:/|$))";
        return Pattern.quote(VERSION_PREFIX) + excluded + "[^/]+(?:/.*)?";
    }

    private static Optional<String> firstSegment(String path) {
        if (path == null || !path.startsWith(VERSION_PREFIX)) {
            return Optional.empty();
        }
        String rest = path.substring(VERSION_PREFIX.length());
        int slash = rest.indexOf('/');
        String segment = slash < 0 ? rest : rest.substring(0, slash);
        return segment.isEmpty() ? Optional.empty() : Optional.of(segment);
    }
}
