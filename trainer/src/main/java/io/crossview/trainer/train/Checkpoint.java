package io.crossview.trainer.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossview.trainer.loss.IdentityHead;
import io.crossview.trainer.model.ReidNet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.bytedeco.pytorch.InputArchive;
import org.bytedeco.pytorch.Optimizer;
import org.bytedeco.pytorch.OutputArchive;

/**
 * A training job's last finished epoch on disk (network, optimiser state, epoch number), so a
 * stopped job resumes where it was. Each file is written next to its place and then moved, so
 * a job killed mid-write leaves the previous checkpoint whole.
 */
public final class Checkpoint {
    static final String NET = "net.pt";
    static final String OPTIMIZER = "optimizer.pt";
    static final String STATE = "state.json";
    static final String HEAD = "head-%d.pt";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    public Checkpoint(Path dir) {
        this.dir = dir;
    }

    /** The state of the last saved epoch, or null when there is none. */
    public State read() throws IOException {
        Path state = dir.resolve(STATE);
        if (!Files.exists(state)) {
            return null;
        }
        try {
            ObjectNode n = (ObjectNode) JSON.readTree(state.toFile());
            return new State(n.get("epoch").asInt(), n.get("batches").asLong(), n.get("classes").asInt(),
                    n.get("pictures").asInt(), n.get("settings").asText());
        } catch (RuntimeException e) {
            throw new IOException("checkpoint " + state + " is unreadable: " + e.getMessage(), e);
        }
    }

    /** Where the job stood after an epoch: enough to refuse resuming on other data or settings. */
    public record State(int epoch, long batches, int classes, int pictures, String settings) {
    }

    public void save(State state, ReidNet net, java.util.List<IdentityHead> heads, Optimizer optimizer)
            throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < heads.size(); i++) {
            Path tmp = dir.resolve(String.format(HEAD, i) + ".tmp");
            heads.get(i).save(tmp);
            Files.move(tmp, dir.resolve(String.format(HEAD, i)), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
        Path netTmp = dir.resolve(NET + ".tmp");
        net.save(netTmp);
        OutputArchive archive = new OutputArchive();
        optimizer.save(archive);
        Path optTmp = dir.resolve(OPTIMIZER + ".tmp");
        archive.save_to(optTmp.toString());
        ObjectNode n = JSON.createObjectNode().put("epoch", state.epoch()).put("batches", state.batches())
                .put("classes", state.classes()).put("pictures", state.pictures()).put("settings", state.settings());
        Path stateTmp = dir.resolve(STATE + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(stateTmp.toFile(), n);
        Files.move(netTmp, dir.resolve(NET), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(optTmp, dir.resolve(OPTIMIZER), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(stateTmp, dir.resolve(STATE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public void restore(ReidNet net, java.util.List<IdentityHead> heads, Optimizer optimizer) {
        net.load(dir.resolve(NET));
        for (int i = 0; i < heads.size(); i++) {
            heads.get(i).load(dir.resolve(String.format(HEAD, i)));
        }
        InputArchive archive = new InputArchive();
        archive.load_from(dir.resolve(OPTIMIZER).toString(), new org.bytedeco.pytorch.DeviceOptional(net.device()));
        optimizer.load(archive);
    }
}
