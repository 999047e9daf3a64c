package io.crossview.common.tfjs;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cancels Transpose pairs. Each converted conv brings NHWC to NCHW and back, and the TF graph
 * (from onnx-tf) already transposes NCHW to NHWC before each conv and back after, so most
 * consecutive transposes compose to the identity: they go, and consumers read the first one's
 * input. Pairs that compose to another permutation become one Transpose. Dead nodes are dropped.
 */
final class Peephole {
    private Peephole() {
    }

    /** Rewrites {@code nodes} in place; {@code outputs} are graph outputs, which keep their producers. */
    static void cancelTransposes(List<NodeProto.Builder> nodes, Set<String> outputs) {
        boolean changed = true;
        while (changed) {
            changed = false;
            Map<String, NodeProto.Builder> producers = new HashMap<>();
            nodes.forEach(n -> n.getOutputList().forEach(o -> producers.put(o, n)));
            for (NodeProto.Builder second : nodes) {
                NodeProto.Builder first = producers.get(second.getInput(0));
                if (!second.getOpType().equals("Transpose") || first == null || !first.getOpType().equals("Transpose")) {
                    continue;
                }
                long[] p1 = perm(first);
                long[] p2 = perm(second);
                long[] composed = new long[p2.length];
                boolean identity = true;
                for (int i = 0; i < p2.length; i++) {
                    composed[i] = p1[(int) p2[i]];
                    identity &= composed[i] == i;
                }
                String source = first.getInput(0);
                String out = second.getOutput(0);
                if (identity && !outputs.contains(out)) {
                    nodes.forEach(n -> {
                        for (int i = 0; i < n.getInputCount(); i++) {
                            if (n.getInput(i).equals(out)) {
                                n.setInput(i, source);
                            }
                        }
                    });
                    second.clearInput().addInput(source).setOpType("Identity").clearAttribute();
                } else if (!identity) {
                    second.setInput(0, source).clearAttribute().addAttribute(OnnxAttrs.ints("perm", composed));
                } else {
                    continue;
                }
                changed = true;
                break;
            }
            changed |= removeDead(nodes, outputs);
        }
    }

    private static long[] perm(NodeProto.Builder transpose) {
        for (AttributeProto a : transpose.getAttributeList()) {
            if (a.getName().equals("perm")) {
                return a.getIntsList().stream().mapToLong(Long::longValue).toArray();
            }
        }
        throw new IllegalStateException("Transpose " + transpose.getName() + " has no perm");
    }

    private static boolean removeDead(List<NodeProto.Builder> nodes, Set<String> outputs) {
        boolean removedAny = false;
        boolean removed = true;
        while (removed) {
            Set<String> used = new java.util.HashSet<>(outputs);
            nodes.forEach(n -> used.addAll(n.getInputList()));
            removed = nodes.removeIf(n -> n.getOutputList().stream().noneMatch(used::contains));
            removedAny |= removed;
        }
        return removedAny;
    }
}
