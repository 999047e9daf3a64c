package io.crossview.common.tfjs;

/**
 * A node the converter cannot turn into ONNX: an op it does not know, or a known op used in a way
 * it does not handle (a non-constant shape, say). The message names the op and the node.
 */
public class UnsupportedOpException extends IllegalArgumentException {
    public UnsupportedOpException(TfjsNode node, String why) {
        super("cannot convert TF.js op '" + node.op() + "' (node '" + node.name() + "'): " + why);
    }
}
