package io.crossview.eval.synth;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;

/**
 * The recorder every measuring video is written with: MPEG-4 part 2 in MP4, a keyframe each
 * second, a fixed quantiser. The codec ships with the FFmpeg build JavaCV brings (no x264
 * needed), and a fixed quantiser keeps the files the same from run to run.
 */
public final class Mp4Recorder {
    private static final int QUANTISER = 3;

    private Mp4Recorder() {
    }

    /** A started recorder of {@code width}x{@code height} at {@code fps}; close it to finish the file. */
    public static FFmpegFrameRecorder start(Path video, int width, int height, double fps) throws FrameRecorder.Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(video.toFile(), width, height, 0);
        recorder.setFormat("mp4");
        recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
        recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(fps);
        recorder.setGopSize((int) Math.max(1, Math.round(fps)));
        recorder.setVideoQuality(QUANTISER);
        recorder.start();
        return recorder;
    }
}
