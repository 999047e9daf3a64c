package io.crossview.deploy.cli;

import io.crossview.common.serde.WireSchema;
import io.crossview.common.serde.WireSerdes;
import io.crossview.common.topics.Topics;
import io.crossview.common.wire.IdentityErasure;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code crossview identities erase ID}: forget one person everywhere CrossView keeps them. */
@Command(name = "identities", mixinStandardHelpOptions = true, description = "Act on the identities the matcher keeps.",
        subcommands = IdentitiesCommand.Erase.class)
public final class IdentitiesCommand {
    @Command(name = "erase", mixinStandardHelpOptions = true,
            description = {"Erase one person: the matcher deletes the identity from its gallery, its track links, "
                + "timelines and harvest buffer, and writes a tombstone on harvest, from which the crop collector "
                + "deletes the person's crops. Past identity events stay in the identities topic until its retention "
                + "drops them."})
    static final class Erase implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;

        @Parameters(paramLabel = "ID", description = "Global identity id, as in identities.jsonl and the query API")
        long identity;

        @Override
        public Integer call() throws Exception {
            if (identity <= 0) {
                throw new IllegalArgumentException("identity ids are positive, got " + identity);
            }
            Topics topics = kafka.ensureTopics();
            String topic = topics.erasures().name();
            IdentityErasure erasure = IdentityErasure.newBuilder().setSchemaVersion(WireSchema.VERSION)
                    .setIdentityId(identity).setRequestedMs(System.currentTimeMillis()).build();
            byte[] key = Long.toString(identity).getBytes(StandardCharsets.UTF_8);
            byte[] value = WireSerdes.ERASURE.serialize(topic, erasure);
            int partitions = 0;
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.connection().producer("identities-erase"))) {
                // every linker task owns some sites: each reads its own partition
                for (PartitionInfo partition : producer.partitionsFor(topic)) {
                    producer.send(new ProducerRecord<>(topic, partition.partition(), key, value)).get();
                    partitions++;
                }
            }
            System.out.println("identities: erasure of identity " + identity + " written to the " + partitions
                    + " partitions of " + topic + "; each matcher task deletes what it holds of them and tombstones"
                    + " their crops on " + topics.harvest().name());
            return 0;
        }
    }
}
