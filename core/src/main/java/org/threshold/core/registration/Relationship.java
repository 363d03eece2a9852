package org.threshold.core.registration;

/** A member's relationship to the household's focal point (the person the household registers through). */
public enum Relationship {
    FOCAL_POINT, SPOUSE, SON, DAUGHTER, CHILD, PARENT, SIBLING, GRANDPARENT, GRANDCHILD, OTHER_RELATIVE, UNRELATED
}
