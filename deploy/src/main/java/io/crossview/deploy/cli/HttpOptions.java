package io.crossview.deploy.cli;

import io.crossview.matcher.query.HttpAccess;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/** Where the query API listens and who may use it. */
public final class HttpOptions {
    public static final String TOKEN_ENV = "CROSSVIEW_HTTP_TOKEN";

    @Option(names = "--http-host", defaultValue = HttpAccess.LOOPBACK, paramLabel = "ADDRESS",
            description = "Address the query API binds (default: ${DEFAULT-VALUE}); any other needs a token")
    String host;

    @Option(names = "--http-token-file", paramLabel = "FILE",
            description = "File holding the bearer token every request must carry (default: $" + TOKEN_ENV + ")")
    Path tokenFile;

    @Option(names = "--search-rate", defaultValue = "" + HttpAccess.DEFAULT_SEARCHES_PER_MINUTE, paramLabel = "N",
            description = "Searches one client may make per minute, 0 for no limit (default: ${DEFAULT-VALUE})")
    int searchesPerMinute;

    public HttpAccess access() throws IOException {
        return access(System.getenv());
    }

    HttpAccess access(Map<String, String> env) throws IOException {
        String token = tokenFile != null ? readToken(tokenFile) : env.get(TOKEN_ENV);
        return new HttpAccess(host, token == null || token.isBlank() ? null : token.trim(), searchesPerMinute);
    }

    /** The bound address, unless it is every interface: then the name others know this machine by. */
    public String advertisedHost() throws IOException {
        return InetAddress.getByName(host).isAnyLocalAddress() ? InetAddress.getLocalHost().getHostName() : host;
    }

    static String readToken(Path file) throws IOException {
        String token;
        try {
            token = Files.readString(file).trim();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--http-token-file: no such file " + file);
        }
        if (token.isEmpty()) {
            throw new IllegalArgumentException("--http-token-file: " + file + " is empty");
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
                System.err.println("match: warning: " + file + " is readable by every user of this machine (chmod 600 it)");
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to say
        }
        return token;
    }
}
