package dev.uip.definition.notify.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SQL statement with {@code :name} parameters, runnable as written by Hibernate's native queries and, rewritten
 * to {@code $1..$n} (numbered in order of first use), by the Vert.x SQL client.
 */
record NamedSql(String named, String numbered, List<String> names) {

    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([a-z][A-Za-z0-9]*)");

    static NamedSql of(String sql) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PARAMETER.matcher(sql);
        StringBuilder numbered = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!names.contains(name)) {
                names.add(name);
            }
            matcher.appendReplacement(numbered, "\\$" + (names.indexOf(name) + 1));
        }
        matcher.appendTail(numbered);
        return new NamedSql(sql, numbered.toString(), List.copyOf(names));
    }
}
