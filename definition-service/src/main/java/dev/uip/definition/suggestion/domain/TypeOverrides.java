package dev.uip.definition.suggestion.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.uip.definition.domain.PropertyType;
import dev.uip.definition.domain.inference.ProposedDefinition;
import dev.uip.definition.domain.inference.ProposedItems;
import dev.uip.definition.domain.inference.ProposedProperty;

/**
 * Sets the types a person chose on a proposal, by the paths conflicts report ({@code properties.rows},
 * {@code properties.cart.items[].price}, {@code properties.tags[]} for an array's elements).
 */
public final class TypeOverrides {

    /** Most overrides in one request (a proposal has at most 200 paths). */
    public static final int MAX_OVERRIDES = 200;
    private static final String ROOT = "properties.";
    private static final String ITEMS = "[]";

    private TypeOverrides() {
    }

    /**
     * The proposal with each path's type set; a scalar type drops what was inferred below the path.
     *
     * @throws InvalidSuggestionRequestException for an unknown path or type, or too many overrides
     */
    public static ProposedDefinition apply(ProposedDefinition proposal, Map<String, String> types) {
        if (types == null || types.isEmpty()) {
            return proposal;
        }
        if (types.size() > MAX_OVERRIDES) {
            throw invalid("at most " + MAX_OVERRIDES + " type overrides");
        }
        List<ProposedProperty> properties = proposal.properties();
        for (Map.Entry<String, String> entry : types.entrySet()) {
            String path = entry.getKey();
            if (path == null || path.length() > 1000 || !path.startsWith(ROOT)) {
                throw invalid("a path of types starts with 'properties.', e.g. properties.rows");
            }
            String type = type(path, entry.getValue());
            properties = set(properties, List.of(path.substring(ROOT.length()).split("\\.", -1)), type, path);
        }
        return new ProposedDefinition(proposal.name(), proposal.description(), proposal.status(), proposal.samples(),
                properties, proposal.notes(), null, null);
    }

    private static String type(String path, String value) {
        try {
            return PropertyType.fromApiName(value).apiName();
        } catch (RuntimeException e) {
            throw invalid("the type of " + path + " must be one of string, integer, number, boolean, datetime, array"
                    + " or object");
        }
    }

    private static List<ProposedProperty> set(List<ProposedProperty> properties, List<String> segments, String type,
            String path) {
        String segment = segments.get(0);
        int arrays = 0;
        String name = segment;
        while (name.endsWith(ITEMS)) {
            name = name.substring(0, name.length() - ITEMS.length());
            arrays++;
        }
        List<String> rest = segments.subList(1, segments.size());
        List<ProposedProperty> out = new ArrayList<>();
        boolean found = false;
        for (ProposedProperty property : properties == null ? List.<ProposedProperty>of() : properties) {
            if (!property.name().equals(name)) {
                out.add(property);
                continue;
            }
            found = true;
            if (arrays == 0 && rest.isEmpty()) {
                out.add(withType(property, type));
            } else if (arrays == 0) {
                out.add(new ProposedProperty(property.name(), property.type(), property.required(),
                        property.description(), property.seenIn(), property.nullIn(), property.samples(),
                        property.examples(), property.items(), set(property.properties(), rest, type, path)));
            } else {
                out.add(new ProposedProperty(property.name(), property.type(), property.required(),
                        property.description(), property.seenIn(), property.nullIn(), property.samples(),
                        property.examples(), items(property.items(), arrays, rest, type, path),
                        property.properties()));
            }
        }
        if (!found || name.isEmpty()) {
            throw invalid("no property at " + path + " in the proposal");
        }
        return out;
    }

    private static ProposedItems items(ProposedItems items, int arrays, List<String> rest, String type, String path) {
        if (items == null) {
            throw invalid("no array elements at " + path + " in the proposal");
        }
        if (arrays > 1) {
            return new ProposedItems(items.type(), items.examples(), items(items.items(), arrays - 1, rest, type, path),
                    items.properties());
        }
        if (rest.isEmpty()) {
            boolean scalar = !type.equals("array") && !type.equals("object");
            return new ProposedItems(type, items.examples(), scalar ? null : items.items(),
                    scalar ? null : items.properties());
        }
        return new ProposedItems(items.type(), items.examples(), items.items(),
                set(items.properties(), rest, type, path));
    }

    private static ProposedProperty withType(ProposedProperty property, String type) {
        boolean scalar = !type.equals("array") && !type.equals("object");
        return new ProposedProperty(property.name(), type, property.required(), property.description(),
                property.seenIn(), property.nullIn(), property.samples(), property.examples(),
                scalar ? null : property.items(), scalar ? null : property.properties());
    }

    private static InvalidSuggestionRequestException invalid(String message) {
        return new InvalidSuggestionRequestException("types", message);
    }
}
