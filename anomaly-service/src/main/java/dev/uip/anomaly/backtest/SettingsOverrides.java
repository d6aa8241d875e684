package dev.uip.anomaly.backtest;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import dev.uip.anomaly.detection.WatcherSettings;

/**
 * The backtest's {@code --set NAME=VALUE} options: a copy of the default {@link WatcherSettings} with named fields
 * replaced (for holdout experiments; the service always runs the defaults).
 */
final class SettingsOverrides {

    private SettingsOverrides() {
    }

    /** The defaults with each {@code NAME=VALUE} applied; an unknown name or unreadable value is refused. */
    static WatcherSettings apply(List<String> assignments) {
        RecordComponent[] fields = WatcherSettings.class.getRecordComponents();
        Object[] values = new Object[fields.length];
        WatcherSettings defaults = WatcherSettings.defaults();
        try {
            for (int i = 0; i < fields.length; i++) {
                values[i] = fields[i].getAccessor().invoke(defaults);
            }
            for (String assignment : assignments) {
                int eq = assignment.indexOf('=');
                String name = eq < 0 ? assignment : assignment.substring(0, eq);
                int i = indexOf(fields, name);
                if (eq < 0 || i < 0) {
                    throw new IllegalArgumentException("--set needs NAME=VALUE with NAME one of "
                            + Arrays.stream(fields).map(RecordComponent::getName).toList() + ": " + assignment);
                }
                values[i] = parse(fields[i].getType(), assignment.substring(eq + 1), name);
            }
            return (WatcherSettings) WatcherSettings.class
                    .getDeclaredConstructor(Arrays.stream(fields).map(RecordComponent::getType).toArray(Class[]::new))
                    .newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("WatcherSettings is not a plain record", e);
        }
    }

    private static int indexOf(RecordComponent[] fields, String name) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].getName().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static Object parse(Class<?> type, String text, String name) {
        try {
            if (type == int.class) {
                return Integer.parseInt(text);
            }
            if (type == long.class) {
                return Long.parseLong(text);
            }
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--set " + name + ": not a " + type.getSimpleName() + ": " + text);
        }
    }
}
