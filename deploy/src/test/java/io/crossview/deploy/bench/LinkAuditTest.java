package io.crossview.deploy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkAuditTest {
    @TempDir
    Path dir;

    /** Person 1 walks cam1 then cam2; person 2 is on cam1 after person 1 left it. */
    private Path groundTruth() throws IOException {
        List<String> cam1 = new ArrayList<>();
        List<String> cam2 = new ArrayList<>();
        for (int f = 1; f <= 10; f++) {
            cam1.add(f + ",1,10,10,20,40,1,1,1");
            cam2.add((f + 20) + ",1,100,10,20,40,1,1,1");
            cam1.add((f + 40) + ",2,200,10,20,40,1,1,1");
        }
        Files.createDirectories(dir.resolve("gt/cam1/gt"));
        Files.createDirectories(dir.resolve("gt/cam2/gt"));
        Files.write(dir.resolve("gt/cam1/gt/gt.txt"), cam1);
        Files.write(dir.resolve("gt/cam2/gt/gt.txt"), cam2);
        return dir.resolve("gt");
    }

    private static String event(String camera, int seq, long track, long identity, String state, int x) {
        return String.format("{\"camera\":\"%s\",\"seq\":%d,\"identity\":%d,\"track\":%d,\"state\":\"%s\","
                + "\"box\":{\"x\":%d,\"y\":10,\"w\":20,\"h\":40}}", camera, seq, identity, track, state, x);
    }

    private static void visit(List<String> lines, String camera, int firstSeq, long track, long identity, String decision, int x) {
        lines.add(event(camera, firstSeq, track, identity, decision, x));
        for (int s = firstSeq + 1; s < firstSeq + 10; s++) {
            lines.add(event(camera, s, track, identity, "tracked", x));
        }
    }

    private ObjectNode audit(List<String> lines) throws IOException {
        Path identities = dir.resolve("identities.jsonl");
        Files.write(identities, lines);
        return LinkAudit.of(identities, groundTruth());
    }

    @Test
    void aLinkToTheSamePersonIsRightAndAStrangerOnTheSameCameraIsAWrongSameCameraLink() throws IOException {
        List<String> lines = new ArrayList<>();
        visit(lines, "cam1", 0, 1, 7, "new", 10);
        visit(lines, "cam2", 20, 1, 7, "matched", 100);
        visit(lines, "cam1", 40, 2, 7, "matched", 200);

        ObjectNode audit = audit(lines);

        assertEquals(2, audit.get("links").asInt());
        assertEquals(1, audit.get("right_links").asInt());
        assertEquals(1, audit.get("wrong_links_same_camera").asInt());
        assertEquals(0, audit.get("wrong_links_cross_camera").asInt());
        assertEquals(0.5, audit.get("link_precision").asDouble(), 1e-9);
    }

    @Test
    void aNewIdentityForAPersonWhoHasOneIsAMissedLink() throws IOException {
        List<String> lines = new ArrayList<>();
        visit(lines, "cam1", 0, 1, 7, "new", 10);
        visit(lines, "cam2", 20, 1, 8, "new", 100);
        visit(lines, "cam1", 40, 2, 9, "new", 200);

        ObjectNode audit = audit(lines);

        assertEquals(0, audit.get("links").asInt());
        assertEquals(1, audit.get("missed_links").asInt());
        assertEquals(2, audit.get("first_sightings").asInt());
        assertEquals(0.0, audit.get("link_recall").asDouble(), 1e-9);
    }
}
