package org.threshold.core.registration;

/** Sex as recorded at registration; OTHER and UNKNOWN are full answers, not errors. */
public enum Sex {
    M, F, OTHER, UNKNOWN
}
