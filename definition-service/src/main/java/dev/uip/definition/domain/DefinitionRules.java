package dev.uip.definition.domain;

import java.util.List;

/** Checks a proposed definition before anything is stored or registered; every refusal names the field's path. */
public final class DefinitionRules {

    public static final int MAX_NAME_LENGTH = 200;
    static final int MAX_TEXT_LENGTH = 2000;
    static final int MAX_LABEL_LENGTH = 200;
    static final int MAX_TAGS = 20;
    static final int MAX_TAG_LENGTH = 50;

    private DefinitionRules() {
    }

    /** Checks a whole definition. */
    public static void check(DefinitionSpec spec) {
        checkName(spec.name());
        checkCallType(spec);
        checkText("displayName", spec.displayName(), MAX_LABEL_LENGTH);
        checkText("description", spec.description(), MAX_TEXT_LENGTH);
        checkText("ownerTeam", spec.ownerTeam(), MAX_LABEL_LENGTH);
        List<String> tags = spec.tags() == null ? List.of() : spec.tags();
        if (tags.size() > MAX_TAGS) {
            throw new InvalidDefinitionException("tags", "at most " + MAX_TAGS + " tags");
        }
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            if (tag == null || tag.isBlank() || tag.length() > MAX_TAG_LENGTH || !tag.equals(tag.strip())
                    || tag.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidDefinitionException("tags[" + i + "]", "a tag is 1-" + MAX_TAG_LENGTH
                        + " characters without control characters or leading or trailing spaces");
            }
        }
        PropertyRules.check("properties", spec.properties() == null ? List.of() : spec.properties());
        VirtualDefinitionRules.check(spec);
    }

    /** Checks the parts that the first, unversioned API knew: a name and properties. */
    public static void check(String name, List<PropertySpec> properties) {
        checkName(name);
        PropertyRules.check("properties", properties);
    }

    /** Why {@code name} cannot name an event, or null when it can. */
    public static String eventNameProblem(String name) {
        if (name == null || name.isBlank()) {
            return "name is required";
        }
        if (name.length() > MAX_NAME_LENGTH || !name.equals(name.strip())) {
            return "name must be at most " + MAX_NAME_LENGTH + " characters without leading or trailing spaces";
        }
        if (name.chars().anyMatch(c -> Character.isISOControl(c) || c == '/')) {
            return "name must not contain control characters or '/'";
        }
        // The name is the schema registry's artifact id, which it limits to ASCII without '%'.
        if (name.chars().anyMatch(c -> c > 0x7e || c == '%')) {
            return "name must be ASCII without '%' (the schema registry's artifact ids are): letters, digits, spaces"
                    + " and punctuation";
        }
        return null;
    }

    /** Whether {@code name} can name a property (at any level). */
    public static boolean isPropertyName(String name) {
        return PropertyRules.isName(name);
    }

    /** What a property name must look like, for people. */
    public static String propertyNameRule() {
        return PropertyRules.NAME_RULE;
    }

    private static void checkCallType(DefinitionSpec spec) {
        if (spec.callTypeOrTrack() == CallType.IDENTIFY && !CallType.IDENTIFY_NAME.equals(spec.name())) {
            throw new InvalidDefinitionException("name", "an identify definition describes the workspace's traits"
                    + " and is always named '" + CallType.IDENTIFY_NAME + "'");
        }
        if (spec.virtual() && spec.callTypeOrTrack() != CallType.TRACK) {
            throw new InvalidDefinitionException("callType", "a virtual definition derives track events: its"
                    + " callType is track");
        }
    }

    private static void checkName(String name) {
        String problem = eventNameProblem(name);
        if (problem != null) {
            throw new InvalidDefinitionException("name", problem);
        }
    }

    static void checkText(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidDefinitionException(field, field + " must be at most " + max + " characters");
        }
        if (value != null && value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
            throw new InvalidDefinitionException(field, field + " must not contain control characters");
        }
    }
}
