package dev.uip.gateway.openapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Merges the gateway's own OpenAPI document with the services' into one for the management API: a service's path
 * {@code /v1/...} appears as {@code /api/v1/...} when the gateway passes that path on to it (others, such as the
 * ingest edge, are left out); components are merged, a name already taken by a different component renamed
 * {@code <service>_<name>} with every reference to it; operation ids kept unique the same way; the services' own
 * security (their service token, which callers of the gateway never send) and servers dropped; a missing service
 * named in {@code info.description}; the paths left out listed per service in {@code x-uip-not-passed-on}.
 */
public final class OpenApiMerger {

    private static final String COMPONENT_REF = "#/components/";

    private final BiPredicate<String, String> passesOn;

    /** @param passesOn whether the gateway passes a service's path ({@code /v1/...}) on to that service */
    public OpenApiMerger(BiPredicate<String, String> passesOn) {
        this.passesOn = passesOn;
    }

    /** The merged document; {@code gateway} is not changed. */
    public ObjectNode merge(ObjectNode gateway, List<ServiceDocument> services) {
        ObjectNode merged = gateway.deepCopy();
        ObjectNode paths = merged.withObject("/paths");
        ObjectNode components = merged.withObject("/components");
        Set<String> operationIds = new HashSet<>();
        paths.forEach(path -> collectOperationIds(path, operationIds));
        List<String> missing = new ArrayList<>();
        ObjectNode notPassedOn = merged.objectNode();
        for (ServiceDocument service : services) {
            if (service.document() == null) {
                missing.add(service.service() + " (" + service.problem() + ")");
                continue;
            }
            ObjectNode document = service.document().deepCopy();
            document.remove("security");
            Map<String, String> renamed = mergeComponents(service.service(), document.path("components"), components);
            ObjectNode servicePaths = document.path("paths") instanceof ObjectNode p ? p : document.objectNode();
            renameRefs(servicePaths, renamed);
            for (Iterator<Map.Entry<String, JsonNode>> it = servicePaths.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> path = it.next();
                if (passesOn.test(service.service(), path.getKey()) && !paths.has("/api" + path.getKey())) {
                    JsonNode item = path.getValue();
                    dropSecurityAndServers(item);
                    uniqueOperationIds(service.service(), item, operationIds);
                    paths.set("/api" + path.getKey(), item);
                } else if (!paths.has("/api" + path.getKey())) {
                    notPassedOn.withArray("/" + service.service()).add(path.getKey());
                }
            }
            mergeTags(document.path("tags"), merged);
        }
        components.remove("securitySchemes");
        merged.remove("security");
        merged.remove("servers");
        ObjectNode info = merged.withObject("/info");
        String description = info.path("description").asText("The management API of the platform, served by the "
                + "gateway.");
        if (!missing.isEmpty()) {
            description += "\n\nMissing (no document from the service): " + String.join(", ", missing) + ".";
        }
        info.put("description", description);
        // what a service serves that the gateway does not pass on (the ingest edge by design; anything else is a
        // route table entry forgotten, which the walk-through checks)
        merged.set("x-uip-not-passed-on", notPassedOn);
        return merged;
    }

    /**
     * Adds the service's components: one equal to the component of that name already there is shared, one that
     * differs is renamed. Answers the renamed ones' references ({@code #/components/<kind>/<name>}), old to new.
     */
    private static Map<String, String> mergeComponents(String service, JsonNode from, ObjectNode into) {
        Map<String, String> renamed = new HashMap<>();
        Map<String, JsonNode> added = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> kinds = from.fields(); kinds.hasNext();) {
            Map.Entry<String, JsonNode> kind = kinds.next();
            if (kind.getKey().equals("securitySchemes") || !kind.getValue().isObject()) {
                continue;
            }
            ObjectNode target = into.withObject("/" + kind.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> it = kind.getValue().fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> component = it.next();
                String name = component.getKey();
                JsonNode existing = target.get(name);
                if (existing != null && existing.equals(component.getValue())) {
                    continue;
                }
                String newName = name;
                for (int n = 2; target.has(newName); n++) {
                    newName = service + "_" + name + (n == 2 ? "" : "_" + n);
                }
                if (!newName.equals(name)) {
                    renamed.put(COMPONENT_REF + kind.getKey() + "/" + name, COMPONENT_REF + kind.getKey() + "/"
                            + newName);
                }
                added.put(kind.getKey() + "/" + newName, component.getValue());
            }
        }
        // References inside the components themselves may point at renamed ones: rename them before adding.
        added.forEach((key, component) -> {
            JsonNode value = component.deepCopy();
            renameRefs(value, renamed);
            int slash = key.indexOf('/');
            into.withObject("/" + key.substring(0, slash)).set(key.substring(slash + 1), value);
        });
        return renamed;
    }

    private static void renameRefs(JsonNode node, Map<String, String> renamed) {
        if (renamed.isEmpty()) {
            return;
        }
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && renamed.containsKey(ref.asText())) {
                object.set("$ref", TextNode.valueOf(renamed.get(ref.asText())));
            }
            object.forEach(child -> renameRefs(child, renamed));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> renameRefs(child, renamed));
        }
    }

    private static void dropSecurityAndServers(JsonNode pathItem) {
        if (pathItem instanceof ObjectNode item) {
            item.remove("servers");
            item.forEach(operation -> {
                if (operation instanceof ObjectNode op) {
                    op.remove("security");
                    op.remove("servers");
                }
            });
        }
    }

    private static void collectOperationIds(JsonNode pathItem, Set<String> ids) {
        pathItem.forEach(operation -> {
            if (operation.path("operationId").isTextual()) {
                ids.add(operation.get("operationId").asText());
            }
        });
    }

    private static void uniqueOperationIds(String service, JsonNode pathItem, Set<String> ids) {
        pathItem.forEach(operation -> {
            if (operation instanceof ObjectNode op && op.path("operationId").isTextual()) {
                String id = op.get("operationId").asText();
                String unique = id;
                for (int n = 2; !ids.add(unique); n++) {
                    unique = service + "_" + id + (n == 2 ? "" : "_" + n);
                }
                op.put("operationId", unique);
            }
        });
    }

    private static void mergeTags(JsonNode tags, ObjectNode merged) {
        if (!tags.isArray()) {
            return;
        }
        ArrayNode into = merged.withArray("/tags");
        Set<String> names = new HashSet<>();
        into.forEach(tag -> names.add(tag.path("name").asText()));
        tags.forEach(tag -> {
            if (names.add(tag.path("name").asText())) {
                into.add(tag);
            }
        });
    }
}
