package io.crossview.ingest.live;

/** An encoded frame waiting to be handed to the producer. */
record OutgoingFrame(byte[] key, byte[] value, long captureMs) {
}
