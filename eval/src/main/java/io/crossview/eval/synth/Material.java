package io.crossview.eval.synth;

/** Surface looks the background ray caster knows how to texture. */
enum Material {
    PAVING, LINOLEUM, WOOD, BRICK, GARDEN, ASPHALT,
    FACADE, PAINT, HEDGE, CEILING, CONCRETE, PLANTER, TRUNK, FOLIAGE
}
