package io.crossview.trainer.train;

/** Labels every epoch with the matcher's identities: fixed classes, an identity loss per branch. */
public final class Identities implements Trainer.Labeller {
    public static final Identities INSTANCE = new Identities();

    @Override
    public EpochLabels label(int epoch, TrainingSet data, float[][] descriptors) {
        return new EpochLabels(data.classes(), data.classCount(), data.classCount() + " identities", 0);
    }

    @Override
    public boolean needsDescriptors() {
        return false;
    }

    @Override
    public boolean fixedClasses() {
        return true;
    }
}
