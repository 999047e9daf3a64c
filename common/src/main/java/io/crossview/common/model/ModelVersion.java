package io.crossview.common.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which model made an embedding: its name, the sha256 of its bytes and its input size.
 * Embeddings of different versions are never compared.
 */
public record ModelVersion(String name, String sha256, int inputHeight, int inputWidth) {
    public ModelVersion {
        if (name == null || name.isBlank() || name.contains("@")) {
            throw new IllegalArgumentException("model name must be non-blank and free of '@', got " + name);
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, got " + sha256);
        }
        if (inputHeight < 1 || inputWidth < 1) {
            throw new IllegalArgumentException("input size must be positive, got " + inputHeight + "x" + inputWidth);
        }
    }

    /** The version of the given model bytes. */
    public static ModelVersion of(String name, byte[] modelBytes, int inputHeight, int inputWidth) {
        return new ModelVersion(name, sha256(modelBytes), inputHeight, inputWidth);
    }

    /** {@code name@} and the first 12 hex digits of the sha256: what embeddings carry on the wire. */
    public String id() {
        return name + "@" + sha256.substring(0, 12);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return id();
    }
}
