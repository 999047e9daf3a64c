package io.crossview.detector.yolo;

import io.crossview.detector.PersonBox;
import java.util.List;

/** Turns the outputs a detector model gives for a batch into each picture's boxes. */
interface BoxDecoder {
    /** Values output {@code i} holds per picture, in the order the decoder reads the outputs. */
    int valuesPerPicture(int output);

    /** The boxes of picture {@code index} of a batch, best first, in picture pixels. */
    List<PersonBox> decode(float[][] outputs, int index, Letterbox letterbox, int pictureWidth, int pictureHeight);
}
