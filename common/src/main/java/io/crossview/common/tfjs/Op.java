package io.crossview.common.tfjs;

/** Converts one TF.js node: reads its inputs from the conversion, emits ONNX nodes, puts its outputs. */
@FunctionalInterface
interface Op {
    void convert(TfjsNode node, Conversion c);
}
