package io.ovr.alpr.processors.region;

import java.util.regex.Pattern;

/** One plate format of a region: a pattern over the normalized text and how typical it is (0..1). */
public record PlateFormat(String region, String name, Pattern pattern, double weight) {
}
