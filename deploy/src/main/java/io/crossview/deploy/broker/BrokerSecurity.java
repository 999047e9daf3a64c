package io.crossview.deploy.broker;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A SASL_SSL listener for the embedded broker: TLS with this keystore, clients authenticated by
 * SCRAM-SHA-512 as one of {@code users} (name to password).
 */
public record BrokerSecurity(Path keystore, String keystorePassword, Map<String, String> users) {
    static final String LISTENER = "SECURED";
    static final String MECHANISM = "SCRAM-SHA-512";

    public BrokerSecurity {
        if (keystore == null || keystorePassword == null || users == null || users.isEmpty()) {
            throw new IllegalArgumentException("a secured listener needs a keystore, its password and at least one user");
        }
        users = Map.copyOf(users);
    }

    void addListener(Properties props, String address) {
        props.put("listeners", props.getProperty("listeners") + "," + LISTENER + "://" + address);
        props.put("advertised.listeners", props.getProperty("advertised.listeners") + "," + LISTENER + "://" + address);
        props.put("listener.security.protocol.map",
                props.getProperty("listener.security.protocol.map") + "," + LISTENER + ":SASL_SSL");
        props.put("sasl.enabled.mechanisms", MECHANISM);
        String prefix = "listener.name." + LISTENER.toLowerCase(java.util.Locale.ROOT) + ".";
        props.put(prefix + MECHANISM.toLowerCase(java.util.Locale.ROOT) + ".sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        props.put(prefix + "ssl.keystore.location", keystore.toAbsolutePath().toString());
        props.put(prefix + "ssl.keystore.password", keystorePassword);
        props.put(prefix + "ssl.key.password", keystorePassword);
        props.put(prefix + "ssl.keystore.type", "PKCS12");
    }

    /** The users as the storage tool's {@code --add-scram} records. */
    List<String> scramRecords() {
        return users.entrySet().stream()
                .map(u -> MECHANISM + "=[name=" + u.getKey() + ",password=" + u.getValue() + "]")
                .toList();
    }
}
