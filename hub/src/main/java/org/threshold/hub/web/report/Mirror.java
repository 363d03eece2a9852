package org.threshold.hub.web.report;

/**
 * Lays a chart out left to right and mirrors it for right-to-left languages: SVG does not follow the page's
 * {@code dir}, and mirroring the drawing with a transform would mirror its text too, so each x is mirrored instead.
 */
record Mirror(double width, boolean rtl) {
    /** The left edge of a shape that spans {@code ltrX} to {@code ltrX + span} when drawn left to right. */
    double x(double ltrX, double span) {
        return rtl ? width - ltrX - span : ltrX;
    }

    /** A point's x. */
    double x(double ltrX) {
        return rtl ? width - ltrX : ltrX;
    }

    /** The text-anchor of text that starts ({@code start} true) or ends at its point, left to right. */
    String anchor(boolean start) {
        return start != rtl ? "start" : "end";
    }
}
