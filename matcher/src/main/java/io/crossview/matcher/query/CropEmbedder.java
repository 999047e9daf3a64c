package io.crossview.matcher.query;

/**
 * Embeds an example crop for {@code POST /search}. The matcher has no model of its own (it must
 * not depend on the embedder), so whoever starts it lends one; without one, searches take
 * vectors only.
 */
public interface CropEmbedder {
    /**
     * The crop's embedding and the version of the model that made it.
     *
     * @throws io.crossview.common.image.BadImageException when the bytes are not a decodable picture
     */
    Embedded embed(byte[] jpeg);
}
