package io.crossview.ingest.export;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MJPEG;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The video codecs the bundled FFmpeg encodes (no libx264: H.264 goes through libopenh264). */
public enum VideoCodec {
    MPEG4(AV_CODEC_ID_MPEG4, null, AV_PIX_FMT_YUV420P),
    H264(AV_CODEC_ID_H264, "libopenh264", AV_PIX_FMT_YUV420P),
    // the JPEG encoder wants full-range YUV
    MJPEG(AV_CODEC_ID_MJPEG, null, AV_PIX_FMT_YUVJ420P);

    private final int codecId;
    private final String encoderName;
    private final int pixelFormat;

    VideoCodec(int codecId, String encoderName, int pixelFormat) {
        this.codecId = codecId;
        this.encoderName = encoderName;
        this.pixelFormat = pixelFormat;
    }

    public static VideoCodec parse(String text) {
        String name = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace("H.264", "H264");
        for (VideoCodec codec : values()) {
            if (codec.name().equals(name)) {
                return codec;
            }
        }
        throw new IllegalArgumentException("unknown codec '" + text + "': use " + Arrays.stream(values())
                .map(VideoCodec::toString).collect(Collectors.joining(", ")));
    }

    public int codecId() {
        return codecId;
    }

    /** A specific encoder to pick, or null for FFmpeg's default for the codec id. */
    public String encoderName() {
        return encoderName;
    }

    public int pixelFormat() {
        return pixelFormat;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
