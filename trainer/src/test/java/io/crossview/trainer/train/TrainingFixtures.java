package io.crossview.trainer.train;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import com.google.protobuf.ByteString;
import io.crossview.common.image.Jpeg;
import io.crossview.common.wire.FrameRef;
import io.crossview.common.wire.HarvestedCrop;
import io.crossview.trainer.model.ReidNet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Crops of made-up people for trainer tests (public for the job tests): each identity wears its own shirt and trousers colours. */
public final class TrainingFixtures {
    /** 2026-12-01T00:00:00Z: stores opened with a year of retention keep them. */
    public static final long CAPTURED_MS = 1_796_083_200_000L;

    private TrainingFixtures() {
    }

    /** {@code perIdentity} crops of each identity, from two cameras and two tracks per camera. */
    public static List<HarvestedCrop> crops(int identities, int perIdentity, long seed) {
        Random random = new Random(seed);
        List<HarvestedCrop> out = new ArrayList<>();
        for (int id = 1; id <= identities; id++) {
            Random look = new Random(id * 7919L);
            double[] shirt = {look.nextInt(256), look.nextInt(256), look.nextInt(256)};
            double[] trousers = {look.nextInt(256), look.nextInt(256), look.nextInt(256)};
            for (int i = 0; i < perIdentity; i++) {
                try (Mat crop = new Mat(96, 40, CV_8UC3, new Scalar(90 + random.nextInt(40), 100, 110, 0))) {
                    int dx = random.nextInt(5) - 2;
                    double light = 0.8 + 0.4 * random.nextDouble();
                    rectangle(crop, new Point(12 + dx, 4), new Point(27 + dx, 16), new Scalar(150 * light, 170 * light, 200 * light, 0), -1, 8, 0);
                    rectangle(crop, new Point(8 + dx, 17), new Point(31 + dx, 52), colour(shirt, light), -1, 8, 0);
                    rectangle(crop, new Point(10 + dx, 53), new Point(29 + dx, 93), colour(trousers, light), -1, 8, 0);
                    int camera = i % 2;
                    int track = id * 10 + camera * 2 + (i / 2) % 2;
                    out.add(HarvestedCrop.newBuilder().setSchemaVersion(1)
                            .setFrame(FrameRef.newBuilder().setCamera("cam" + (camera + 1)).setSite("site").setSeq(i)
                                    .setCaptureMs(CAPTURED_MS))
                            .setJpeg(ByteString.copyFrom(Jpeg.encode(crop, 95))).setTrackId(track).setIdentityId(id)
                            .setQuality(0.5f + 0.5f * random.nextFloat()).build());
                }
            }
        }
        return out;
    }

    public static List<String> labels(List<HarvestedCrop> crops) {
        return crops.stream().map(c -> "site/" + c.getIdentityId()).toList();
    }

    private static Scalar colour(double[] bgr, double light) {
        return new Scalar(Math.min(255, bgr[0] * light), Math.min(255, bgr[1] * light), Math.min(255, bgr[2] * light), 0);
    }

    /** Mean distance between unit descriptors of different people minus that within one person. */
    public static double separation(ReidNet net, TrainingSet data) {
        float[][] d = Trainer.unit(Trainer.describe(net, data, java.util.stream.IntStream.range(0, data.size()).toArray()));
        int[] classes = data.classes();
        double within = 0;
        double between = 0;
        long nw = 0;
        long nb = 0;
        for (int i = 0; i < d.length; i++) {
            for (int j = i + 1; j < d.length; j++) {
                double s = 0;
                for (int k = 0; k < d[i].length; k++) {
                    s += (d[i][k] - d[j][k]) * (d[i][k] - d[j][k]);
                }
                if (classes[i] == classes[j]) {
                    within += Math.sqrt(s);
                    nw++;
                } else {
                    between += Math.sqrt(s);
                    nb++;
                }
            }
        }
        return between / nb - within / nw;
    }
}
