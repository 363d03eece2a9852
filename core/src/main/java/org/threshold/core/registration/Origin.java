package org.threshold.core.registration;

/** Country (ISO 3166 alpha-3 or UNKNOWN) and, optionally, place of origin. */
public record Origin(String country, String place) {
}
