package dev.uip.definition.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Lower-case API names for the domain's enums, parsed in any letter case with a helpful error. */
final class ApiNames {

    private ApiNames() {
    }

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String what, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(value -> value.name().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown " + what + " '" + name + "'; use one of "
                        + Arrays.stream(type.getEnumConstants()).map(ApiNames::of).collect(Collectors.joining(", "))));
    }
}
