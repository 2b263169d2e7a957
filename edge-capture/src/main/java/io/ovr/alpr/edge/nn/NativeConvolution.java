package io.ovr.alpr.edge.nn;

import java.lang.reflect.Field;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNSubsamplingHelper;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Runs a network's convolution and max-pooling layers through libnd4j's own {@code conv2d},
 * {@code conv2d_bp} and pooling ops instead of DL4J's Java-side im2col path.
 *
 * <p>With the plain {@code nd4j-native} build, DL4J 1.0.0-M2.1's {@link ConvolutionLayer} does
 * im2col into a permuted view, and the {@code im2col} op first zero-fills that strided view element
 * by element; on this project's small networks that fill was about 30 % of a training run's CPU
 * (perf). The layer has a hook for native "helpers" which it only enables for cuDNN or oneDNN
 * builds; the oneDNN helper classes simply call the {@code conv2d}/{@code conv2d_bp}/pooling custom
 * ops, which every libnd4j build has. This installs them. Outputs and gradients are the same to
 * float rounding (checked by {@code NativeConvolutionTest}); inference is several times faster.
 *
 * <p>Layers of other types, and subclasses of the two layer types, are left as they are; a helper
 * that fails makes DL4J fall back to its own path for that layer (its default
 * {@code cudnnAllowFallback}).
 */
public final class NativeConvolution {

    private static final Field CONV_HELPER = field(ConvolutionLayer.class);
    private static final Field POOL_HELPER = field(SubsamplingLayer.class);

    private NativeConvolution() {
    }

    /** Installs the native helpers in every plain convolution and subsampling layer; returns the network. */
    public static ComputationGraph install(ComputationGraph net) {
        for (Layer layer : net.getLayers()) {
            try {
                if (layer.getClass() == ConvolutionLayer.class) {
                    CONV_HELPER.set(layer, new MKLDNNConvHelper(DataType.FLOAT));
                } else if (layer.getClass() == SubsamplingLayer.class) {
                    POOL_HELPER.set(layer, new MKLDNNSubsamplingHelper(DataType.FLOAT));
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot install a native helper in " + layer, e);
            }
        }
        return net;
    }

    private static Field field(Class<?> type) {
        try {
            Field f = type.getDeclaredField("helper");
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("DL4J's " + type.getSimpleName() + " has no helper field", e);
        }
    }
}
