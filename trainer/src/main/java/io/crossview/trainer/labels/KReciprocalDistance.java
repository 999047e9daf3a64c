package io.crossview.trainer.labels;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The k-reciprocal encoding Jaccard distance of Zhong et al. 2017, as Cluster Contrast
 * ({@code compute_jaccard_distance}) feeds it to DBSCAN.
 *
 * <p>With d(i, j) = 2 − 2·cos and N(i, k) the point i with its k nearest others:
 * <ol>
 *   <li>R(i, k) = { j ∈ N(i, k) : i ∈ N(j, k) }, which always holds i itself;</li>
 *   <li>R*(i) = R(i, k1) ∪ R(j, round(k1 / 2)) for each j ∈ R(i, k1) whose half-size set has more
 *       than 2/3 of its members in R(i, k1) (round half to even, as {@code np.around});</li>
 *   <li>V(i, j) = exp(−d(i, j)) / Σ over R*(i), and 0 for j outside R*(i);</li>
 *   <li>local query expansion: V(i) becomes the mean of V(j) over the k2 nearest j, i included;</li>
 *   <li>distance(i, j) = 1 − Σ min(V(i), V(j)) / Σ max(V(i), V(j)).</li>
 * </ol>
 * Step 5 uses Σ max = ΣV(i) + ΣV(j) − Σ min, since max(a, b) = a + b − min(a, b): only the columns
 * both rows share cost anything. Every row of V sums to 1, so this is the reference's
 * {@code 1 − min / (2 − min)}, but with the rows' actual sums it stays within [0, 1] despite rounding.
 *
 * <p>N(i, k) is i plus k others, as in Zhong's {@code re_ranking} ({@code initial_rank[i, :k+1]});
 * Cluster Contrast's faiss search returns k points including i, one fewer. k1 is clamped to n − 1
 * and k2, which counts i, to n. Ties are broken by smaller index, so the result is deterministic;
 * rows are computed in parallel, each on its own.
 *
 * @param k1 neighbours of the k-reciprocal sets, 30 in Cluster Contrast
 * @param k2 neighbours of the query expansion, i included; 1 turns it off
 */
public record KReciprocalDistance(int k1, int k2) {
    public static final KReciprocalDistance DEFAULTS = new KReciprocalDistance(30, 6);

    /** Rows per parallel task of the row-by-row steps: each task owns one n-sized scratch array. */
    private static final int ROWS_PER_TASK = 64;

    public KReciprocalDistance {
        if (k1 < 1) {
            throw new IllegalArgumentException("k1 (k-reciprocal neighbours) must be at least 1, got " + k1);
        }
        if (k2 < 1) {
            throw new IllegalArgumentException("k2 (query expansion neighbours) must be at least 1, got " + k2);
        }
    }

    /** The Jaccard distances without must-link constraints. */
    public DistanceMatrix distances(float[][] embeddings) {
        return distances(embeddings, null);
    }

    /**
     * The Jaccard distances between the embeddings (n × d, L2-normalised), then 0 between any two
     * points of one must-link group.
     *
     * @param mustLinkGroup null, or point i's group (e.g. its track id) at index i, −1 for none
     */
    public DistanceMatrix distances(float[][] embeddings, int[] mustLinkGroup) {
        Neighbours neighbours = Neighbours.of(embeddings);
        int n = neighbours.size();
        MustLink.check(mustLinkGroup, n);
        int kOne = Math.min(k1, n - 1);
        int kTwo = Math.min(k2, n);
        int[][] ranks = neighbours.ranks(Math.max(kOne + 1, kTwo));
        int[][] reciprocal = new int[n][];
        int[][] halfReciprocal = new int[n][];
        int half = (int) Math.rint(kOne / 2.0);
        IntStream.range(0, n).parallel().forEach(i -> {
            reciprocal[i] = reciprocal(ranks, i, kOne);
            halfReciprocal[i] = reciprocal(ranks, i, half);
        });
        SparseRows encoded = new SparseRows(new int[n][], new float[n][]);
        IntStream.range(0, n).parallel().forEach(i -> encode(neighbours, i, reciprocal, halfReciprocal, encoded));
        DistanceMatrix jaccard = jaccard(kTwo > 1 ? expandQueries(encoded, ranks, kTwo) : encoded);
        MustLink.apply(jaccard, mustLinkGroup);
        return jaccard;
    }

    /** R(i, k), ascending. */
    private static int[] reciprocal(int[][] ranks, int i, int k) {
        int[] found = new int[k + 1];
        int count = 0;
        for (int f = 0; f <= k; f++) {
            int j = ranks[i][f];
            for (int b = 0; b <= k; b++) {
                if (ranks[j][b] == i) {
                    found[count++] = j;
                    break;
                }
            }
        }
        int[] set = Arrays.copyOf(found, count);
        Arrays.sort(set);
        return set;
    }

    /** Row i of V: R*(i) by expansion, weighted by the Gaussian kernel and normalised. */
    private static void encode(Neighbours neighbours, int i, int[][] reciprocal, int[][] halfReciprocal,
                               SparseRows v) {
        int[] base = reciprocal[i];
        int[] expanded = base;
        for (int candidate : base) {
            int[] candidates = halfReciprocal[candidate];
            // "More than 2/3 of its size", in integers so that 2 of 3 is not rounded either way.
            if (3 * overlap(candidates, base) > 2 * candidates.length) {
                expanded = union(expanded, candidates);
            }
        }
        double[] weight = new double[expanded.length];
        double sum = 0;
        for (int e = 0; e < expanded.length; e++) {
            weight[e] = Math.exp(-neighbours.distance(i, expanded[e]));
            sum += weight[e];
        }
        float[] values = new float[expanded.length];
        for (int e = 0; e < expanded.length; e++) {
            values[e] = (float) (weight[e] / sum);
        }
        v.columns[i] = expanded;
        v.values[i] = values;
    }

    /** Row i becomes the mean of the rows of its k2 nearest points, itself first. */
    private static SparseRows expandQueries(SparseRows v, int[][] ranks, int k2) {
        int n = v.columns.length;
        SparseRows expanded = new SparseRows(new int[n][], new float[n][]);
        forEachTask(n, (first, step) -> {
            double[] sum = new double[n];
            boolean[] seen = new boolean[n];
            int[] touched = new int[n];
            for (int i = first; i < n; i += step) {
                int count = 0;
                for (int r = 0; r < k2; r++) {
                    int j = ranks[i][r];
                    int[] columns = v.columns[j];
                    for (int e = 0; e < columns.length; e++) {
                        int c = columns[e];
                        if (!seen[c]) {
                            seen[c] = true;
                            touched[count++] = c;
                        }
                        sum[c] += v.values[j][e];
                    }
                }
                int[] columns = Arrays.copyOf(touched, count);
                Arrays.sort(columns);
                float[] values = new float[count];
                for (int e = 0; e < count; e++) {
                    int c = columns[e];
                    values[e] = (float) (sum[c] / k2);
                    sum[c] = 0;
                    seen[c] = false;
                }
                expanded.columns[i] = columns;
                expanded.values[i] = values;
            }
        });
        return expanded;
    }

    /** Step 5 through an inverted index: for row i, only rows sharing a column with it are visited. */
    private static DistanceMatrix jaccard(SparseRows v) {
        int n = v.columns.length;
        double[] rowSum = new double[n];
        int[] columnSize = new int[n];
        for (int i = 0; i < n; i++) {
            for (int e = 0; e < v.columns[i].length; e++) {
                rowSum[i] += v.values[i][e];
                columnSize[v.columns[i][e]]++;
            }
        }
        int[][] rowsOf = new int[n][];
        float[][] valuesOf = new float[n][];
        for (int c = 0; c < n; c++) {
            rowsOf[c] = new int[columnSize[c]];
            valuesOf[c] = new float[columnSize[c]];
        }
        int[] filled = new int[n];
        for (int i = 0; i < n; i++) { // rows in ascending order, so every column's rows are sorted
            for (int e = 0; e < v.columns[i].length; e++) {
                int c = v.columns[i][e];
                rowsOf[c][filled[c]] = i;
                valuesOf[c][filled[c]++] = v.values[i][e];
            }
        }
        // Pairs that share no column are exactly 1 apart: fill, then overwrite the others.
        DistanceMatrix jaccard = DistanceMatrix.filled(n, 1f);
        float[] upper = jaccard.upper();
        forEachTask(n, (first, step) -> {
            double[] minSum = new double[n];
            int[] touched = new int[n];
            for (int i = first; i < n; i += step) {
                int count = 0;
                for (int e = 0; e < v.columns[i].length; e++) {
                    int c = v.columns[i][e];
                    float mine = v.values[i][e];
                    int[] rows = rowsOf[c];
                    // Only j > i: the lower triangle is the same numbers.
                    int from = Arrays.binarySearch(rows, i + 1);
                    for (int r = from < 0 ? -from - 1 : from; r < rows.length; r++) {
                        int j = rows[r];
                        if (minSum[j] == 0) { // every entry of V is > 0, so 0 means not seen yet
                            touched[count++] = j;
                        }
                        minSum[j] += Math.min(mine, valuesOf[c][r]);
                    }
                }
                int start = jaccard.rowStart(i) - i - 1;
                for (int t = 0; t < count; t++) {
                    int j = touched[t];
                    double shared = minSum[j];
                    double distance = 1 - shared / (rowSum[i] + rowSum[j] - shared);
                    upper[start + j] = (float) Math.min(1, Math.max(0, distance));
                    minSum[j] = 0;
                }
            }
        });
        return jaccard;
    }

    private static int overlap(int[] a, int[] b) {
        int count = 0;
        for (int x = 0, y = 0; x < a.length && y < b.length; ) {
            if (a[x] == b[y]) {
                count++;
                x++;
                y++;
            } else if (a[x] < b[y]) {
                x++;
            } else {
                y++;
            }
        }
        return count;
    }

    private static int[] union(int[] a, int[] b) {
        int[] merged = new int[a.length + b.length];
        int count = 0;
        int x = 0;
        int y = 0;
        while (x < a.length || y < b.length) {
            int next = y == b.length || (x < a.length && a[x] <= b[y]) ? a[x] : b[y];
            if (x < a.length && a[x] == next) {
                x++;
            }
            if (y < b.length && b[y] == next) {
                y++;
            }
            merged[count++] = next;
        }
        return Arrays.copyOf(merged, count);
    }

    /** Rows i, i + step, i + 2·step, … per task: early rows cost more (j > i), so interleave them. */
    private static void forEachTask(int n, RowTask task) {
        int tasks = Math.max(1, (n + ROWS_PER_TASK - 1) / ROWS_PER_TASK);
        IntStream.range(0, tasks).parallel().forEach(first -> task.run(first, tasks));
    }

    private interface RowTask {
        void run(int first, int step);
    }

    /** V as sparse rows: row i's nonzero columns ascending and their values. */
    private record SparseRows(int[][] columns, float[][] values) {
    }
}
