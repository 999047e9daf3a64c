package io.crossview.deploy.bench;

import io.crossview.common.kafka.KafkaConnection;
import io.crossview.deploy.process.CrossviewProcess;
import io.crossview.deploy.stages.ConsumerGroups;
import io.crossview.deploy.stages.PipelineLag;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How fast {@code n} instances of one stage, each a process of its own in one consumer group,
 * work through a filled input topic: measured from the moment the group is stable with all of
 * them holding partitions until the group has committed everything, so that JVM start-up and
 * model loading are left out.
 */
final class GroupThroughput {
    private static final long TIMEOUT_MS = 600_000;

    /**
     * @param records records in the input (offsets count transaction markers too, so progress is
     *                scaled to records by the topic's records per offset)
     */
    record Result(int instances, double recordsPerSecond, double seconds, double instanceCores, double benchCores) {
    }

    private GroupThroughput() {
    }

    static Result measure(KafkaConnection kafka, String group, String inputTopic, long records, int instances,
                          List<String> command, Path logs) throws IOException, InterruptedException {
        List<CrossviewProcess> processes = new ArrayList<>();
        try (Admin admin = Admin.create(kafka.admin()); PipelineLag lag = new PipelineLag(kafka)) {
            for (int i = 1; i <= instances; i++) {
                processes.add(CrossviewProcess.start(768, logs.resolve(group + "-" + instances + "-" + i + ".log"), command));
            }
            ConsumerGroups.awaitStable(admin, group, instances, Duration.ofSeconds(120), () -> alive(processes));
            double perOffset = records / (double) endOffsets(admin, inputTopic);
            long startNanos = System.nanoTime();
            long startCommitted = committed(admin, group);
            long startBench = ProcessCpu.nanos();
            Duration startCpu = cpu(processes);
            while (lag.lag(group, List.of(inputTopic)) > 0) {
                alive(processes);
                if ((System.nanoTime() - startNanos) / 1_000_000 > TIMEOUT_MS) {
                    throw new IllegalStateException(group + " did not finish " + inputTopic + " within "
                            + TIMEOUT_MS / 1000 + " s");
                }
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            double done = (committed(admin, group) - startCommitted) * perOffset;
            double instanceCores = (cpu(processes).minus(startCpu).toNanos()) / 1e9 / seconds;
            double benchCores = (ProcessCpu.nanos() - startBench) / 1e9 / seconds;
            return new Result(instances, done / seconds, seconds, instanceCores, benchCores);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot follow " + group + ": " + e.getCause().getMessage(), e);
        } finally {
            processes.forEach(CrossviewProcess::stop);
            processes.forEach(CrossviewProcess::awaitStopped);
        }
    }

    private static void alive(List<CrossviewProcess> processes) throws IOException {
        for (CrossviewProcess process : processes) {
            if (!process.isAlive()) {
                throw new IOException("a stage instance " + process.exitReason());
            }
        }
    }

    private static Duration cpu(List<CrossviewProcess> processes) {
        return processes.stream().map(CrossviewProcess::cpu).reduce(Duration.ZERO, Duration::plus);
    }

    private static long committed(Admin admin, String group) throws ExecutionException, InterruptedException {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values().stream()
                .filter(o -> o != null).mapToLong(o -> o.offset()).sum();
    }

    private static long endOffsets(Admin admin, String topic) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                .forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        return admin.listOffsets(ends, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get().values()
                .stream().mapToLong(o -> o.offset()).sum();
    }
}
