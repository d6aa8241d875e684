package dev.uip.definition.notify.domain;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides which channel targets are acceptable: webhook and Slack URLs (https unless http is allowed, at most a
 * bounded length, no credentials, not resolving to a local or private address unless allowed) and email recipients
 * (syntax, at most a bounded count). Also checked again before each send, since a name may resolve elsewhere later.
 */
public final class TargetCheck {

    /** Resolves a host name to its addresses (the JDK's resolver in production, a fixed table in tests). */
    @FunctionalInterface
    public interface Resolver {

        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final int MAX_EMAIL_LENGTH = 254;
    private static final Pattern EMAIL = Pattern
            .compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private final boolean allowHttp;
    private final boolean allowPrivate;
    private final int maxUrlLength;
    private final int maxRecipients;
    private final Resolver resolver;

    public TargetCheck(boolean allowHttp, boolean allowPrivate, int maxUrlLength, int maxRecipients,
            Resolver resolver) {
        this.allowHttp = allowHttp;
        this.allowPrivate = allowPrivate;
        this.maxUrlLength = maxUrlLength;
        this.maxRecipients = maxRecipients;
        this.resolver = resolver;
    }

    /** The URL in {@code value} if it may be a channel's target; else a 400 naming {@code field}. */
    public URI url(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidNotifyRequestException(field, field + " is required");
        }
        if (value.length() > maxUrlLength) {
            throw new InvalidNotifyRequestException(field, field + " is longer than " + maxUrlLength + " characters");
        }
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new InvalidNotifyRequestException(field, field + " is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new InvalidNotifyRequestException(field, field + " must be an https URL"
                    + (allowHttp ? " (or http)" : ""));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidNotifyRequestException(field, field + " names no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidNotifyRequestException(field, field + " must not carry credentials before the host");
        }
        reachable(field, uri);
        return uri;
    }

    /** Refuses a URL whose host does not resolve or resolves to a local or private address (unless allowed). */
    public void reachable(String field, URI uri) {
        if (allowPrivate) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            throw new InvalidNotifyRequestException(field, "the host of " + field + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (local(address)) {
                throw new InvalidNotifyRequestException(field, "the host of " + field
                        + " resolves to a local or private address, which channels may not target");
            }
        }
    }

    /** The recipients, trimmed and deduplicated, if each is an email address and they are not too many. */
    public List<String> recipients(String field, List<String> values) {
        if (values == null || values.isEmpty()) {
            throw new InvalidNotifyRequestException(field, field + " needs at least one email address");
        }
        if (values.size() > maxRecipients) {
            throw new InvalidNotifyRequestException(field, "at most " + maxRecipients + " recipients");
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String value : values) {
            String address = value == null ? "" : value.strip();
            if (address.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(address).matches()) {
                throw new InvalidNotifyRequestException(field, "'" + abbreviate(address)
                        + "' is not an email address");
            }
            unique.add(address);
        }
        return new ArrayList<>(unique);
    }

    /** What views and change events show of a URL: {@code scheme://host[:port]/…}, never its path or query. */
    public static String mask(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost()
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + "/…";
    }

    /** Loopback, private, link-local, unspecified, multicast, carrier-grade NAT or IPv6 unique-local. */
    public static boolean local(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc;
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return first == 0 || (first == 100 && second >= 64 && second < 128) || first >= 240;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
