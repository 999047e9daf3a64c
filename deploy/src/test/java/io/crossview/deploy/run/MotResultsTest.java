package io.crossview.deploy.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MotResultsTest {
    @TempDir
    Path dir;

    @Test
    void eventsBecomeOneMotChallengeFilePerCameraSortedByFrameWithGlobalIds() throws Exception {
        Path jsonl = Files.writeString(dir.resolve("identities.jsonl"), String.join("\n",
                "{\"camera\":\"cam2\",\"seq\":4,\"identity\":7,\"track\":1,\"confidence\":0.9,\"box\":{\"x\":10,\"y\":20,\"w\":30,\"h\":60}}",
                "{\"camera\":\"cam1\",\"seq\":3,\"identity\":2,\"track\":5,\"confidence\":1.0,\"box\":{\"x\":1,\"y\":2,\"w\":3,\"h\":4}}",
                "{\"camera\":\"cam2\",\"seq\":0,\"identity\":7,\"track\":1,\"confidence\":0.85,\"box\":{\"x\":11,\"y\":21,\"w\":30,\"h\":60}}"));
        assertEquals(2, MotResults.write(jsonl, dir.resolve("mot")));
        assertEquals(List.of("4,2,1,2,3,4,1.000,-1,-1,-1"), Files.readAllLines(dir.resolve("mot/cam1.txt")));
        assertEquals(List.of("1,7,11,21,30,60,0.850,-1,-1,-1", "5,7,10,20,30,60,0.900,-1,-1,-1"),
                Files.readAllLines(dir.resolve("mot/cam2.txt")));
    }

    @Test
    void everyRowOfATrackCarriesItsFinalIdentityAndAPendingOrRepeatedBoxIsWrittenOnce() throws Exception {
        Path jsonl = Files.writeString(dir.resolve("identities.jsonl"), String.join("\n",
                "{\"camera\":\"c\",\"seq\":0,\"identity\":0,\"track\":1,\"confidence\":0,\"box\":{\"x\":1,\"y\":1,\"w\":9,\"h\":9}}",
                "{\"camera\":\"c\",\"seq\":1,\"identity\":4,\"track\":1,\"confidence\":0.9,\"box\":{\"x\":2,\"y\":1,\"w\":9,\"h\":9}}",
                "{\"camera\":\"c\",\"seq\":2,\"identity\":4,\"track\":1,\"confidence\":0.9,\"box\":{\"x\":3,\"y\":1,\"w\":9,\"h\":9}}",
                "{\"camera\":\"c\",\"seq\":2,\"identity\":9,\"track\":1,\"confidence\":0.95,\"box\":{\"x\":3,\"y\":1,\"w\":9,\"h\":9}}",
                "{\"camera\":\"c\",\"seq\":0,\"identity\":0,\"track\":2,\"confidence\":0,\"box\":{\"x\":50,\"y\":1,\"w\":9,\"h\":9}}"));
        MotResults.write(jsonl, dir.resolve("mot"));
        // track 1 was corrected to 9 at its last frame; track 2 was never decided (no identity to score)
        assertEquals(List.of("1,9,1,1,9,9,0.000,-1,-1,-1", "2,9,2,1,9,9,0.900,-1,-1,-1", "3,9,3,1,9,9,0.900,-1,-1,-1"),
                Files.readAllLines(dir.resolve("mot/c.txt")));
    }
}
