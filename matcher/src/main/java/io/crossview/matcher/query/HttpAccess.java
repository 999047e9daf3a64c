package io.crossview.matcher.query;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may ask the query API: the address it binds, the bearer token every request must carry
 * (null: none, allowed only on loopback) and how many searches a client may make per minute.
 * Person search is the most sensitive thing CrossView answers, so nothing else is on by default.
 */
public record HttpAccess(String host, String token, int searchesPerMinute) {
    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_SEARCHES_PER_MINUTE = 120;
    public static final HttpAccess LOCAL = new HttpAccess(LOOPBACK, null, DEFAULT_SEARCHES_PER_MINUTE);

    public HttpAccess {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("the query API needs an address to bind");
        }
        if (token != null && token.isBlank()) {
            throw new IllegalArgumentException("the query API token is empty");
        }
        if (searchesPerMinute < 0) {
            throw new IllegalArgumentException("searches per minute must be >= 0 (0: unlimited), got " + searchesPerMinute);
        }
        if (token == null && !loopback(host)) {
            throw new IllegalArgumentException("HTTP on " + host
                    + " would answer person searches to anyone: give it a token (--http-token-file FILE or CROSSVIEW_HTTP_TOKEN), or bind "
                    + LOOPBACK);
        }
    }

    /** Whether {@code header} (an Authorization header, maybe null) carries the token; constant time. */
    public boolean admits(String header) {
        if (token == null) {
            return true;
        }
        byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        byte[] given = header == null ? new byte[0] : header.trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given);
    }

    /** What a peer request carries, null without a token. */
    public String authorization() {
        return token == null ? null : "Bearer " + token;
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("the query API cannot bind " + host + ": unknown host");
        }
    }

    /** The token is a secret: never in a log line. */
    @Override
    public String toString() {
        return host + (token != null ? " (token required)" : " (loopback, no token)")
                + (searchesPerMinute > 0 ? ", " + searchesPerMinute + " searches/min per client" : "");
    }
}
