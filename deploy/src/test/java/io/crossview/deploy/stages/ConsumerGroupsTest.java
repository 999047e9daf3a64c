package io.crossview.deploy.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

class ConsumerGroupsTest {
    private static int[] load(List<String> ids, int partitions) {
        int[] load = new int[partitions];
        ids.forEach(id -> load[Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % partitions]++);
        return load;
    }

    @Test
    void spreadCameraIdsGiveEveryPartitionItsShareWhereCam1ToCam6WouldNot() {
        assertEquals(List.of(0, 0, 1, 5), java.util.Arrays.stream(load(List.of("cam1", "cam2", "cam3", "cam4",
                "cam5", "cam6"), 4)).boxed().toList(), "the skew the spreading avoids");
        List<String> six = ConsumerGroups.spreadCameraIds(6, 4);
        assertEquals(6, six.stream().distinct().count());
        assertEquals(List.of(2, 1, 2, 1), java.util.Arrays.stream(load(six, 4)).boxed().toList());
        assertEquals(List.of(2, 2, 2, 2), java.util.Arrays.stream(load(ConsumerGroups.spreadCameraIds(8, 4), 4))
                .boxed().toList());
    }
}
