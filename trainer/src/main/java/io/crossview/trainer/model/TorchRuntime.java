package io.crossview.trainer.model;

import java.util.Random;
import java.util.TreeSet;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets LibTorch up for training on this machine: thread count, and a check that its fast
 * convolutions are right for the network's layer widths.
 *
 * <p>Why the check: LibTorch 2.10's oneDNN convolutions, measured on an AVX-512 AMD EPYC, give
 * wrong results (errors of 10+ on unit inputs) for input widths of 8 mod 16 (24, 40, ...) once
 * the batch has two or more pictures. oneDNN is ten times faster than LibTorch's own kernels, so
 * it stays on where it is right and goes off, with one log line, where it is not.
 */
public final class TorchRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(TorchRuntime.class);
    private static final double TOLERANCE = 1e-3;
    public static final Device CPU = new Device(torch.DeviceType.CPU);
    private static boolean told;

    private TorchRuntime() {
    }

    /** Applies the thread count (0 keeps LibTorch's default) and checks the convolutions for {@code shape}. */
    public static synchronized void prepare(NetShape shape, int threads) {
        if (threads > 0) {
            torch.set_num_threads(threads);
        }
        TreeSet<Integer> widths = new TreeSet<>();
        widths.add(3);
        for (int c : shape.channels()) {
            widths.add(c);
        }
        for (int in : widths) {
            double error = convolutionError(in);
            if (error > TOLERANCE && torch.globalContext().userEnabledMkldnn()) {
                LOG.warn("LibTorch's oneDNN convolutions are wrong here for {} input channels (error {}); "
                        + "training without oneDNN, several times slower", in, String.format("%.3g", error));
                torch.globalContext().setUserEnabledMkldnn(false);
                error = convolutionError(in);
            }
            if (error > TOLERANCE) {
                throw new IllegalStateException("LibTorch convolutions are wrong on this machine for " + in
                        + " input channels (error " + error + ")");
            }
        }
    }

    /**
     * CUDA device 0 when LibTorch has one (the {@code gpu} Maven profile brings the CUDA build),
     * otherwise the CPU; says which once.
     */
    public static synchronized Device device() {
        boolean cuda = torch.cuda_is_available();
        if (!told) {
            LOG.info(cuda ? "training on CUDA device 0 ({} visible)" : "training on the CPU{}",
                    cuda ? torch.cuda_device_count() : " (LibTorch sees no CUDA device)");
            told = true;
        }
        return cuda ? new Device(torch.DeviceType.CUDA, (byte) 0) : CPU;
    }

    /** Largest difference between LibTorch's 3×3 convolution and a direct sum, on a batch of two. */
    static double convolutionError(int in) {
        int n = 2;
        int out = 8;
        int h = 8;
        int w = 6;
        Random random = new Random(in);
        float[] x = gaussian(random, n * in * h * w);
        float[] k = gaussian(random, out * in * 9);
        float[] y;
        try (PointerScope scope = new PointerScope()) {
            Tensor result = torch.conv2d(Tensors.floats(x, n, in, h, w), Tensors.floats(k, out, in, 3, 3),
                    new TensorOptional(), new long[] {1, 1}, new long[] {1, 1}, new long[] {1, 1}, 1);
            y = Tensors.values(result);
        }
        double worst = 0;
        for (int b = 0; b < n; b++) {
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < h; i++) {
                    for (int j = 0; j < w; j++) {
                        double sum = 0;
                        for (int c = 0; c < in; c++) {
                            for (int u = 0; u < 3; u++) {
                                for (int v = 0; v < 3; v++) {
                                    int yy = i + u - 1;
                                    int xx = j + v - 1;
                                    if (yy >= 0 && xx >= 0 && yy < h && xx < w) {
                                        sum += x[((b * in + c) * h + yy) * w + xx] * k[((o * in + c) * 3 + u) * 3 + v];
                                    }
                                }
                            }
                        }
                        worst = Math.max(worst, Math.abs(sum - y[((b * out + o) * h + i) * w + j]));
                    }
                }
            }
        }
        return worst;
    }

    private static float[] gaussian(Random random, int count) {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
