package dev.uip.gateway.domain;

/** Whether one service of the platform is ready, as last probed, with a short reason. */
public record ServiceStatus(String name, String url, State status, String detail) {

    /** The two answers a probe can give. */
    public enum State {
        UP, DOWN
    }

    public static ServiceStatus up(String name, String url, String detail) {
        return new ServiceStatus(name, url, State.UP, detail);
    }

    public static ServiceStatus down(String name, String url, String detail) {
        return new ServiceStatus(name, url, State.DOWN, detail);
    }
}
