package io.crossview.eval.synth;

/**
 * Where a person stands at one instant and how far into the gait cycle they are.
 *
 * @param heading  walking direction, radians (0 = east, counter-clockwise)
 * @param distance metres walked so far in this visit; drives the gait phase
 * @param speed    current speed in m/s; 0 while standing
 */
record Pose(double x, double y, double heading, double distance, double speed) {
}
