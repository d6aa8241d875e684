package dev.uip.anomaly.trend;

import dev.uip.schemas.MessageType;

/**
 * One watched series: the events of one call type and name in one workspace (track by event name, page and screen
 * by page name, identify, group and alias by type alone, with an empty name).
 *
 * @param workspaceId the workspace
 * @param type the call type
 * @param name the event, page or screen name; empty for identify, group and alias (and nameless pages)
 */
public record SeriesId(String workspaceId, MessageType type, String name) {

    /** Longest series name kept; longer names (unplanned events) are cut. */
    public static final int MAX_NAME = 200;

    public SeriesId {
        name = name == null ? "" : name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
    }

    /** The series of a call, naming it by its event or page name where the call type has one. */
    public static SeriesId of(String workspaceId, MessageType type, String event, String pageName) {
        return switch (type) {
            case TRACK -> new SeriesId(workspaceId, type, event);
            case PAGE, SCREEN -> new SeriesId(workspaceId, type, pageName);
            default -> new SeriesId(workspaceId, type, "");
        };
    }

    /**
     * The store key {@code <workspace>/<TYPE>/<name>}: workspace ids and type names have no '/', so the first two
     * separators are unambiguous and every series of a workspace shares the prefix {@link #workspacePrefix}.
     */
    public String storeKey() {
        return workspaceId + "/" + type.name() + "/" + name;
    }

    /** The prefix of the store keys of every series of one workspace. */
    public static String workspacePrefix(String workspaceId) {
        return workspaceId + "/";
    }

    /** Reads a {@link #storeKey()}; throws IllegalArgumentException for anything else. */
    public static SeriesId parse(String storeKey) {
        String[] parts = storeKey.split("/", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a series key: " + storeKey);
        }
        return new SeriesId(parts[0], MessageType.valueOf(parts[1]), parts[2]);
    }
}
