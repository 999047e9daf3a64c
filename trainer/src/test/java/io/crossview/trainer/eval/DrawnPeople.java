package io.crossview.trainer.eval;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import com.google.protobuf.ByteString;
import io.crossview.common.image.Jpeg;
import io.crossview.common.serde.WireSchema;
import io.crossview.common.wire.FrameRef;
import io.crossview.common.wire.HarvestedCrop;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Harvested crops of drawn people for evaluation tests: each identity wears its own shirt and
 * trouser colours; each camera has its own light; every crop is shifted, scaled and noised a
 * little differently, and JPEG-encoded as the harvest sends it.
 */
public final class DrawnPeople {
    /** BGR: red, blue, green, yellow, dark, magenta; far apart in chromaticity or brightness. */
    private static final int[][] PALETTE = {
            {30, 30, 200}, {160, 60, 30}, {40, 150, 40}, {40, 200, 210}, {40, 40, 45}, {180, 50, 180}};
    /** The first six people wear trousers three colours on from their shirt, the next six one on, and so on. */
    private static final int[] TROUSER_SHIFTS = {3, 1, 2, 4, 5};
    private static final double[] CAMERA_GAIN = {1.0, 0.7, 0.85};
    /** Shirt and trousers differ from every other of these six people's. */
    public static final int SEPARABLE = PALETTE.length;
    public static final int MAX_IDENTITIES = PALETTE.length * (PALETTE.length - 1);

    private DrawnPeople() {
    }

    /**
     * {@code perTrack} crops of each of {@code identities} people (identity 1, 2, ...) in
     * {@code tracks} tracks in each of {@code cameras} cameras ({@code cam1}, ...), all of one site.
     * Up to {@link #SEPARABLE} people, no two share a shirt or trouser colour.
     */
    public static List<HarvestedCrop> crops(String site, int identities, int cameras, int tracks, int perTrack,
                                            long seed) {
        if (identities > MAX_IDENTITIES || cameras > CAMERA_GAIN.length) {
            throw new IllegalArgumentException("at most " + MAX_IDENTITIES + " people and " + CAMERA_GAIN.length
                    + " cameras");
        }
        Random random = new Random(seed);
        List<HarvestedCrop> out = new ArrayList<>();
        for (int id = 1; id <= identities; id++) {
            int shirt = (id - 1) % PALETTE.length;
            int trousers = (shirt + TROUSER_SHIFTS[(id - 1) / PALETTE.length]) % PALETTE.length;
            for (int camera = 1; camera <= cameras; camera++) {
                for (int track = 1; track <= tracks; track++) {
                    for (int i = 0; i < perTrack; i++) {
                        byte[] jpeg = picture(PALETTE[shirt], PALETTE[trousers], CAMERA_GAIN[camera - 1], random);
                        out.add(crop(site, id, "cam" + camera, 100L * camera + track, random.nextFloat(), jpeg));
                    }
                }
            }
        }
        return out;
    }

    /** The same crops with identities shuffled among them: labels that no longer follow appearance. */
    public static List<HarvestedCrop> shuffledIdentities(List<HarvestedCrop> crops, long seed) {
        List<Long> ids = new ArrayList<>(crops.stream().map(HarvestedCrop::getIdentityId).toList());
        Collections.shuffle(ids, new Random(seed));
        List<HarvestedCrop> out = new ArrayList<>();
        for (int i = 0; i < crops.size(); i++) {
            out.add(crops.get(i).toBuilder().setIdentityId(ids.get(i)).build());
        }
        return out;
    }

    public static HarvestedCrop crop(String site, long identity, String camera, long track, float quality,
                                     byte[] jpeg) {
        return HarvestedCrop.newBuilder().setSchemaVersion(WireSchema.VERSION)
                .setFrame(FrameRef.newBuilder().setCamera(camera).setSite(site).setCaptureMs(1_800_000_000_000L))
                .setJpeg(ByteString.copyFrom(jpeg)).setIdentityId(identity).setTrackId(track).setQuality(quality)
                .build();
    }

    /** A 60x150 person: background, head, shirt and trousers, under the camera's light, with sensor noise. */
    private static byte[] picture(int[] shirt, int[] trousers, double gain, Random random) {
        int w = 60;
        int h = 150;
        try (Scalar background = new Scalar(120, 125, 118, 0);
             Mat m = new Mat(h, w, CV_8UC3, background)) {
            double scale = 0.85 + 0.15 * random.nextDouble();
            int cx = w / 2 + random.nextInt(7) - 3;
            int top = (int) Math.round(h / 2.0 - scale * (h / 2.0 - 6)) + random.nextInt(7) - 3;
            int bodyH = (int) Math.round(scale * (h - 12));
            int halfW = (int) Math.round(scale * 17);
            int head = (int) Math.round(bodyH * 0.14);
            int shirtTop = top + head;
            int shirtBottom = top + (int) Math.round(bodyH * 0.55);
            try (Scalar skin = new Scalar(140, 170, 215, 0);
                 Scalar top1 = new Scalar(shirt[0], shirt[1], shirt[2], 0);
                 Scalar bottom = new Scalar(trousers[0], trousers[1], trousers[2], 0)) {
                circle(m, new Point(cx, top + head / 2), head / 2, skin, FILLED, 8, 0);
                rectangle(m, new Rect(cx - halfW, shirtTop, 2 * halfW, shirtBottom - shirtTop), top1, FILLED, 8, 0);
                rectangle(m, new Rect(cx - halfW + 2, shirtBottom, 2 * halfW - 4, top + bodyH - shirtBottom), bottom,
                        FILLED, 8, 0);
            }
            byte[] px = new byte[w * h * 3];
            m.data().get(px);
            for (int i = 0; i < px.length; i++) {
                double v = (px[i] & 0xFF) * gain + random.nextGaussian() * 4;
                px[i] = (byte) Math.max(0, Math.min(255, Math.round(v)));
            }
            m.data().put(px);
            return Jpeg.encode(m, 90);
        }
    }
}
