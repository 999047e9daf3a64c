package io.crossview.deploy.stages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.utils.Utils;

/** Waiting on a stage's consumer group, and placing cameras so that its members share the work. */
public final class ConsumerGroups {
    /** Checked while waiting: throws to stop the wait (a stage process died). */
    @FunctionalInterface
    public interface Check {
        void run() throws IOException;
    }

    private ConsumerGroups() {
    }

    /** Returns once {@code group} is stable with {@code members} members, each holding partitions. */
    public static void awaitStable(Admin admin, String group, int members, Duration patience, Check meanwhile)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            meanwhile.run();
            try {
                var description = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get();
                if (description.groupState() == GroupState.STABLE && description.members().size() == members
                        && description.members().stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty())) {
                    return;
                }
            } catch (ExecutionException e) {
                // the group does not exist before its first member joins
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(members + " members did not join " + group + " within " + patience.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }

    /**
     * {@code count} camera ids that Kafka's default partitioner spreads evenly over
     * {@code partitions}: with few cameras, cam1, cam2, ... can hash onto few partitions and leave
     * members of a group idle (cam1 to cam6 put five cameras on one partition of four).
     */
    public static List<String> spreadCameraIds(int count, int partitions) {
        int[] load = new int[partitions];
        List<String> ids = new ArrayList<>();
        for (int i = 1; ids.size() < count; i++) {
            String id = "cam" + i;
            int partition = Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % partitions;
            // only onto a least-loaded partition: each gets its share before any gets more
            if (load[partition] == java.util.Arrays.stream(load).min().orElse(0)) {
                load[partition]++;
                ids.add(id);
            }
        }
        return ids;
    }
}
