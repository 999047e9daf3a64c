package io.crossview.ingest.synth;

import io.crossview.ingest.synth.FloorPlan.Obstacle;
import io.crossview.ingest.synth.FloorPlan.Obstacle.Kind;
import java.util.List;

/**
 * The one site every synthetic world uses: an open plaza in the middle; an L-shaped indoor
 * corridor east of it leads to a hall, and an L-shaped arcade south of it to a walled
 * garden. The bends are deliberate: no camera sees along a whole corridor, so walking from
 * one area to the next takes time unseen, as it does between real cameras.
 *
 * <pre>
 *            y=14 +---door---+                        plaza 18x14 (outdoor, 7 m facades)
 *   door x=0 |    plaza      |==corridor A===+        corridor A/B (indoor, 3 m)
 *            +-+arcade+------+   |corridor B |        hall 14x10 (indoor, 5 m)
 *              |  A   |          +--+ hall   door     arcade A/B (outdoor, 4 m)
 *              +--B---+-+           +--door--+        garden 18x13 (outdoor, 2.6 m walls)
 *                 | garden  door
 *                 +--door---+
 * </pre>
 */
final class SiteLayout {
    /** Where a camera may hang: its position, the ground point it looks at, horizontal field of view. */
    record Mount(double x, double y, double z, double targetX, double targetY, double hfovDeg) {
    }

    private SiteLayout() {
    }

    static FloorPlan floorPlan() {
        List<Region> regions = List.of(
                new Region("plaza", 0, 0, 18, 14, false, 7.0, Material.PAVING, Material.FACADE, 1.0, true),
                new Region("corridor-a", 18, 10, 28, 13, true, 3.0, Material.LINOLEUM, Material.PAINT, 0.8, false),
                new Region("corridor-b", 25, -1, 28, 10, true, 3.0, Material.LINOLEUM, Material.PAINT, 0.8, false),
                new Region("hall", 28, -8, 42, 2, true, 5.0, Material.WOOD, Material.PAINT, 0.9, true),
                new Region("arcade-a", 3, -6, 6, 0, false, 4.0, Material.BRICK, Material.FACADE, 0.85, false),
                new Region("arcade-b", 3, -9, 12, -6, false, 4.0, Material.BRICK, Material.FACADE, 0.85, false),
                new Region("garden", 6, -22, 24, -9, false, 2.6, Material.GARDEN, Material.HEDGE, 1.05, true));
        List<double[]> doors = List.of(
                new double[] {0, 5, 0, 8}, new double[] {8, 14, 11, 14},
                new double[] {42, -5, 42, -2}, new double[] {33, -8, 36, -8},
                new double[] {14, -22, 17, -22}, new double[] {24, -17, 24, -14});
        List<Obstacle> obstacles = List.of(
                new Obstacle(Kind.PLANTER, 6.0, 9.5, 0.7, 0.8),
                new Obstacle(Kind.PLANTER, 12.5, 4.0, 0.7, 0.8),
                new Obstacle(Kind.LAMP, 9.0, 7.0, 0.07, 4.2),
                new Obstacle(Kind.COLUMN, 33.0, -3.5, 0.3, 5.0),
                new Obstacle(Kind.COLUMN, 37.5, -3.5, 0.3, 5.0),
                new Obstacle(Kind.TREE, 12.0, -15.5, 0.18, 2.4),
                new Obstacle(Kind.TREE, 19.5, -18.5, 0.18, 2.4));
        return new FloorPlan(regions, doors, obstacles);
    }

    /**
     * Camera positions in the order cameras are added: cam1 and cam2 share the plaza from
     * different heights and angles, cam3 watches the hall at the end of the corridor, cam4
     * looks down on the garden from far away. Later ones add views that overlap those.
     */
    static final List<Mount> MOUNTS = List.of(
            new Mount(1.0, 13.0, 5.5, 10.0, 5.5, 78),      // cam1: plaza, high in the north-west corner
            new Mount(0.7, 1.0, 3.0, 13.0, 9.0, 66),       // cam2: plaza, low in the south-west, facing corridor A
            new Mount(41.6, 1.6, 4.2, 31.0, -2.0, 72),     // cam3: hall, from the north-east corner
            new Mount(23.4, -21.4, 6.5, 13.0, -13.0, 60),  // cam4: garden, high and far
            new Mount(26.5, 12.6, 2.7, 26.5, 2.0, 70),     // cam5: along corridor B
            new Mount(9.5, 13.7, 4.0, 5.0, 2.0, 70),       // cam6: plaza, towards the arcade
            new Mount(28.4, -7.6, 3.6, 37.0, -1.0, 75),    // cam7: hall, the opposite corner
            new Mount(6.6, -21.6, 3.4, 16.0, -13.0, 70));  // cam8: garden, the opposite corner
}
