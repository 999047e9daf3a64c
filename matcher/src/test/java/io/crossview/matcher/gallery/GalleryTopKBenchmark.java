package io.crossview.matcher.gallery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Top-10 search of {@link GalleryIndex} against, in the same run, the naive scan the linker
 * did (minus RocksDB): every identity's similarity into a double[], then all of them sorted.
 * Also one identity's update, which the linker does after every link. The default dimension,
 * 308, is the built-in model's {@code global} vector, the one the matcher compares.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GalleryTopKBenchmark {
    private static final String VERSION = "builtin-appearance";
    private static final int K = 10;
    private static final int QUERIES = 16;
    private static final int UPDATES = 64;

    @Param({"1000", "10000", "100000"})
    int identities;

    @Param({"2"})
    int prototypes;

    @Param({"308"})
    int dimension;

    private GalleryIndex index;
    /** The same gallery as the naive scan holds it: per identity, its prototypes as separate arrays. */
    private float[][][] naive;
    private float[][] queries;
    private List<List<float[]>> updates;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        Random rnd = new Random(1);
        index = new GalleryIndex();
        naive = new float[identities][][];
        for (int id = 0; id < identities; id++) {
            naive[id] = new float[prototypes][];
            for (int p = 0; p < prototypes; p++) {
                naive[id][p] = GalleryIndexTest.unit(rnd, dimension);
            }
            index.put(id, VERSION, List.of(naive[id]));
        }
        // queries near a stored identity, as a real re-sighting is
        queries = new float[QUERIES][];
        for (int q = 0; q < QUERIES; q++) {
            float[] near = naive[rnd.nextInt(identities)][0];
            float[] noise = GalleryIndexTest.unit(rnd, dimension);
            float[] v = new float[dimension];
            for (int i = 0; i < dimension; i++) {
                v[i] = near[i] + 0.7f * noise[i];
            }
            queries[q] = normalised(v);
        }
        updates = new ArrayList<>();
        for (int u = 0; u < UPDATES; u++) {
            List<float[]> update = new ArrayList<>();
            for (int p = 0; p < prototypes; p++) {
                update.add(GalleryIndexTest.unit(rnd, dimension));
            }
            updates.add(update);
        }
        // similarities, not ids: float and double sums may order near-ties differently
        for (float[] query : queries) {
            List<Match> fast = index.topK(query, VERSION, K, null);
            List<Match> slow = naiveTopK(query);
            for (int i = 0; i < K; i++) {
                if (Math.abs(fast.get(i).similarity() - slow.get(i).similarity()) > 1e-5) {
                    throw new IllegalStateException("index and naive scan disagree: " + fast + " vs " + slow);
                }
            }
        }
    }

    @Benchmark
    public List<Match> indexTopK() {
        return index.topK(queries[next++ & (QUERIES - 1)], VERSION, K, null);
    }

    @Benchmark
    public List<Match> naiveScanSortAll() {
        return naiveTopK(queries[next++ & (QUERIES - 1)]);
    }

    @Benchmark
    public int indexPut() {
        int n = next++;
        index.put(n % identities, VERSION, updates.get(n & (UPDATES - 1)));
        return index.size();
    }

    private List<Match> naiveTopK(float[] query) {
        double[] similarity = new double[naive.length];
        for (int id = 0; id < naive.length; id++) {
            double best = Double.NEGATIVE_INFINITY;
            for (float[] prototype : naive[id]) {
                double dot = 0;
                for (int i = 0; i < prototype.length; i++) {
                    dot += prototype[i] * query[i];
                }
                best = Math.max(best, dot);
            }
            similarity[id] = best;
        }
        Match[] all = new Match[similarity.length];
        for (int id = 0; id < all.length; id++) {
            all[id] = new Match(id, similarity[id]);
        }
        Arrays.sort(all, Comparator.comparingDouble(Match::similarity).reversed()
                .thenComparingLong(Match::identityId));
        return List.of(all).subList(0, Math.min(K, all.length));
    }

    private static float[] normalised(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
