package io.ovr.alpr.processors.region;

/** The inferred region of a plate and the share (0..1) of the evidence behind it. */
public record RegionGuess(String region, float confidence) {

    public static final RegionGuess UNKNOWN = new RegionGuess(null, 0f);
}
