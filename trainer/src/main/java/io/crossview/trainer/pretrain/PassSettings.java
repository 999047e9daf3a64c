package io.crossview.trainer.pretrain;

/**
 * How PASS pre-training runs (Zhu et al. 2022, on DINO), scaled to two CPU cores.
 *
 * @param epochs             passes over the unlabelled crops
 * @param batch              pictures per step; each gives two global views and one local view per part
 * @param prototypes         K, the size of the heads' outputs (DINO: 65 536; a few hundred here)
 * @param studentTemperature sharpness of the student's distribution (DINO: 0.1)
 * @param teacherTemperature sharpness of the teacher's, lower so its targets are peaked (DINO: 0.04)
 * @param teacherMomentum    the teacher follows the student as t ← m·t + (1 − m)·s (DINO: 0.996;
 *                           lower for the few hundred steps a CPU affords)
 * @param centerMomentum     the running centre subtracted from the teacher's scores, against collapse
 * @param learningRate       Adam's step size
 * @param seed               initialisation, views and order
 * @param threads            LibTorch threads, 0 for its default
 */
public record PassSettings(int epochs, int batch, int prototypes, double studentTemperature,
                           double teacherTemperature, double teacherMomentum, double centerMomentum,
                           double learningRate, long seed, int threads) {
    public static final PassSettings DEFAULTS = new PassSettings(10, 32, 256, 0.1, 0.04, 0.99, 0.9, 5e-4, 1, 0);

    public PassSettings {
        if (epochs < 1 || batch < 2 || prototypes < 2) {
            throw new IllegalArgumentException("PASS needs epochs >= 1, batches of >= 2 and >= 2 prototypes");
        }
        if (!(studentTemperature > 0) || !(teacherTemperature > 0)) {
            throw new IllegalArgumentException("temperatures must be positive");
        }
        if (teacherMomentum < 0 || teacherMomentum >= 1 || centerMomentum < 0 || centerMomentum >= 1) {
            throw new IllegalArgumentException("momenta must be in [0, 1)");
        }
        if (!(learningRate > 0) || threads < 0) {
            throw new IllegalArgumentException("learning rate must be positive and threads >= 0");
        }
    }

    public PassSettings withEpochs(int e) {
        return new PassSettings(e, batch, prototypes, studentTemperature, teacherTemperature, teacherMomentum,
                centerMomentum, learningRate, seed, threads);
    }

    public PassSettings withBatch(int b) {
        return new PassSettings(epochs, b, prototypes, studentTemperature, teacherTemperature, teacherMomentum,
                centerMomentum, learningRate, seed, threads);
    }

    public PassSettings withSeed(long s) {
        return new PassSettings(epochs, batch, prototypes, studentTemperature, teacherTemperature, teacherMomentum,
                centerMomentum, learningRate, s, threads);
    }
}
