package io.crossview.deploy.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterNodeTest {
    private static final String VOTERS = ClusterNode.voters(List.of(19100, 19101, 19102));

    @Test
    void threeNodesKeepThreeCopiesAndNeedTwoInSync() {
        ClusterNode node = new ClusterNode(2, "id", 19001, 19101, VOTERS);
        assertEquals("1@127.0.0.1:19100,2@127.0.0.1:19101,3@127.0.0.1:19102", VOTERS);
        assertEquals(3, node.size());
        assertEquals(3, node.replication());
        assertEquals(2, node.minInSync());
    }

    @Test
    void aSingleNodeKeepsOneCopy() {
        ClusterNode node = new ClusterNode(1, "id", 19001, 19100, ClusterNode.voters(List.of(19100)));
        assertEquals(1, node.replication());
        assertEquals(1, node.minInSync());
    }

    @Test
    void aNodeMissingFromItsVotersOrWithoutFixedPortsIsRefusedInOneLine() {
        var notListed = assertThrows(IllegalArgumentException.class, () -> new ClusterNode(4, "id", 19003, 19103, VOTERS));
        assertTrue(notListed.getMessage().contains("must list this node as 4@HOST:19103"), notListed.getMessage());
        var wrongPort = assertThrows(IllegalArgumentException.class, () -> new ClusterNode(2, "id", 19001, 19999, VOTERS));
        assertTrue(wrongPort.getMessage().contains("2@HOST:19999"), wrongPort.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ClusterNode(2, "id", 0, 19101, VOTERS));
        assertThrows(IllegalArgumentException.class, () -> new ClusterNode(2, " ", 19001, 19101, VOTERS));
        var malformed = assertThrows(IllegalArgumentException.class, () -> new ClusterNode(1, "id", 19001, 19100, "1@host"));
        assertTrue(malformed.getMessage().contains("ID@HOST:PORT"), malformed.getMessage());
    }
}
