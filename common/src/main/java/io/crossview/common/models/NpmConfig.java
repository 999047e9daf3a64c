package io.crossview.common.models;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registry that {@code npm} itself would use for a package, read the way npm reads it, so the
 * HTTP fallback of {@link NpmPackage} honours a company mirror or a private registry just as the
 * npm client does.
 *
 * <p>Order: for a scoped package {@code @scope/name}, an {@code @scope:registry=} line wins (npm
 * does the same, whatever the plain registry is); then {@code NPM_CONFIG_REGISTRY} (or
 * {@code npm_config_registry}) from the environment; then {@code registry=} from {@code ./.npmrc},
 * then from {@code ~/.npmrc}; then {@value #DEFAULT_REGISTRY}. The environment, the project
 * directory and the home directory are given to the constructor so tests need no real ones.
 *
 * <p>Credentials: {@code //host/path/:_authToken=} (sent as a bearer token) and
 * {@code //host/path/:_auth=} (basic), with {@code ${VAR}} taken from the environment, as npm
 * allows; a {@code user:pass@} in the registry URL becomes basic authentication. None of them is
 * ever printed: see {@link #redact(URI)}.
 */
public final class NpmConfig {
    public static final String DEFAULT_REGISTRY = "https://registry.npmjs.org/";
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

    private final Function<String, String> env;
    private final Path projectDir;
    private final Path homeDir;

    /** Where to look: {@code env} maps a variable name to its value or null. */
    public NpmConfig(Function<String, String> env, Path projectDir, Path homeDir) {
        this.env = Objects.requireNonNull(env, "env");
        this.projectDir = Objects.requireNonNull(projectDir, "projectDir");
        this.homeDir = Objects.requireNonNull(homeDir, "homeDir");
    }

    /** This process's environment, working directory and home. */
    public static NpmConfig system() {
        return new NpmConfig(System::getenv, Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home")));
    }

    /** A registry base URL (always ending in {@code /}) and the Authorization header for it, if any. */
    public record Registry(URI url, String authorization) {
        public Registry {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public String toString() {
            return redact(url);
        }
    }

    String env(String name) {
        return env.apply(name);
    }

    /**
     * Whether the registry of {@code packageName} answers at all (any HTTP status below 500 within
     * 10 s): tests that need a fetched model skip only when it does not.
     */
    public boolean reachable(String packageName) {
        try {
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5)).build();
            return client.send(HttpRequest.newBuilder(registryFor(packageName).url())
                            .timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() < 500;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The registry npm would fetch {@code packageName} from. */
    public Registry registryFor(String packageName) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>(read(homeDir.resolve(".npmrc")));
        settings.putAll(read(projectDir.resolve(".npmrc")));
        String url = null;
        if (packageName.startsWith("@") && packageName.contains("/")) {
            url = settings.get(packageName.substring(0, packageName.indexOf('/')) + ":registry");
        }
        if (blank(url)) {
            url = env.apply("NPM_CONFIG_REGISTRY");
        }
        if (blank(url)) {
            url = env.apply("npm_config_registry");
        }
        if (blank(url)) {
            url = settings.get("registry");
        }
        if (blank(url)) {
            url = DEFAULT_REGISTRY;
        }
        URI uri;
        try {
            uri = URI.create(url.endsWith("/") ? url : url + "/");
        } catch (IllegalArgumentException e) {
            throw new IOException("npm registry setting is not a URL: " + url);
        }
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
            throw new IOException("npm registry must be an http(s) URL, got " + redact(uri));
        }
        return new Registry(stripUserInfo(uri), authorization(uri, settings));
    }

    /** The URL without {@code user:pass@}, fit to print. */
    public static String redact(URI uri) {
        return stripUserInfo(uri).toString();
    }

    /** Every URL-looking word of {@code text} without its credentials (for npm's error lines). */
    static String redact(String text) {
        return text.replaceAll("(https?://)[^/\\s@]+@", "$1");
    }

    static URI stripUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        return URI.create(uri.toString().replaceFirst("//[^/@]*@", "//"));
    }

    private String authorization(URI uri, Map<String, String> settings) {
        if (uri.getRawUserInfo() != null) {
            String userInfo = URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8);
            return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
        }
        // npm keys credentials by the URL without its scheme, most specific path first.
        for (String prefix : nerfDarts(uri)) {
            String token = settings.get(prefix + ":_authToken");
            if (!blank(token)) {
                return "Bearer " + token;
            }
            String basic = settings.get(prefix + ":_auth");
            if (!blank(basic)) {
                return "Basic " + basic;
            }
        }
        return null;
    }

    private static List<String> nerfDarts(URI uri) {
        List<String> prefixes = new ArrayList<>();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String authority = "//" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        while (true) {
            prefixes.add(authority + path);
            if (path.equals("/")) {
                return prefixes;
            }
            String trimmed = path.substring(0, path.length() - 1);
            path = trimmed.substring(0, trimmed.lastIndexOf('/') + 1);
        }
    }

    /** {@code key=value} lines of an .npmrc, comments dropped, {@code ${VAR}} expanded; empty if absent. */
    private Map<String, String> read(Path npmrc) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        if (!Files.isRegularFile(npmrc)) {
            return settings;
        }
        for (String line : Files.readAllLines(npmrc, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            int eq = trimmed.indexOf('=');
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";") || eq < 1) {
                continue;
            }
            String value = trimmed.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            settings.put(trimmed.substring(0, eq).strip(), expand(value));
        }
        return settings;
    }

    private String expand(String value) {
        Matcher m = ENV_REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = env.apply(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? "" : replacement));
        }
        return m.appendTail(out).toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
