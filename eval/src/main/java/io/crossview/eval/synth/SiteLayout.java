package io.crossview.eval.synth;

import io.crossview.eval.synth.FloorPlan.Obstacle;
import io.crossview.eval.synth.FloorPlan.Obstacle.Kind;
import java.util.List;

/**
 * The one site every synthetic world uses (metres, x east, y north): an open plaza in the
 * middle; an L-shaped indoor corridor leads east to a hall, and an L-shaped outdoor arcade
 * leads south to a walled garden. The bends are deliberate: no camera sees along a whole
 * corridor, so walking from one area to the next takes time unseen, as between real cameras.
 *
 * <pre>
 * region       x         y         kind
 * plaza        0..18     0..14     outdoor, 7 m facades, doors west and north
 * corridor-a   18..28    10..13    indoor, 3 m, joins the plaza's east side
 * corridor-b   25..28    -1..10    indoor, 3 m, runs south to the hall
 * hall         28..42    -8..2     indoor, 5 m, two columns, doors east and north
 * arcade-a     3..6      -6..0     outdoor, 4 m walls, leaves the plaza's south side
 * arcade-b     3..16     -9..-6    outdoor, runs east to the garden
 * garden       13..31    -22..-9   outdoor, 2.6 m hedges, two trees, doors south and west
 * </pre>
 * The street around the site ends at buildings 8 m out; people come from and go to them.
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
                new Region("arcade-b", 3, -9, 16, -6, false, 4.0, Material.BRICK, Material.FACADE, 0.85, false),
                new Region("garden", 13, -22, 31, -9, false, 2.6, Material.GARDEN, Material.HEDGE, 1.05, true));
        List<double[]> doors = List.of(
                new double[] {0, 5, 0, 8}, new double[] {8, 14, 11, 14},
                new double[] {42, -5, 42, -2}, new double[] {37, 2, 40, 2},
                new double[] {21, -22, 24, -22}, new double[] {13, -17, 13, -14});
        List<Obstacle> obstacles = List.of(
                new Obstacle(Kind.PLANTER, 6.0, 9.5, 0.7, 0.8),
                new Obstacle(Kind.PLANTER, 12.5, 4.0, 0.7, 0.8),
                new Obstacle(Kind.LAMP, 9.0, 7.0, 0.07, 4.2),
                new Obstacle(Kind.COLUMN, 33.0, -3.5, 0.3, 5.0),
                new Obstacle(Kind.COLUMN, 37.5, -3.5, 0.3, 5.0),
                new Obstacle(Kind.TREE, 20.0, -14.0, 0.18, 2.4),
                new Obstacle(Kind.TREE, 17.0, -19.0, 0.18, 2.4));
        return new FloorPlan(regions, doors, obstacles);
    }

    /**
     * Camera positions in the order cameras are added: cam1 and cam2 share the plaza from
     * opposite sides and different heights, cam3 watches the hall at the end of the corridor, cam4
     * looks down on the garden from far away. Later ones add views that overlap those.
     */
    static final List<Mount> MOUNTS = List.of(
            new Mount(17.4, 8.0, 5.0, 6.0, 6.5, 70),       // cam1: plaza, high on the east side, looking west
            new Mount(0.6, 1.0, 3.0, 13.0, 9.0, 62),       // cam2: plaza, low in the south-west, facing corridor A
            new Mount(41.4, 0.2, 4.2, 30.5, -5.0, 78),     // cam3: hall, from the east wall near the north-east corner
            new Mount(30.4, -21.4, 6.5, 20.0, -13.0, 60),  // cam4: garden, high and far
            new Mount(26.5, 12.6, 2.7, 26.5, 2.0, 70),     // cam5: along corridor B
            new Mount(9.5, 13.7, 4.0, 5.0, 2.0, 70),       // cam6: plaza, towards the arcade
            new Mount(28.4, -7.6, 3.6, 37.0, -1.0, 75),    // cam7: hall, the opposite corner
            new Mount(13.6, -9.6, 3.4, 24.0, -18.0, 70));  // cam8: garden, the opposite corner
}
