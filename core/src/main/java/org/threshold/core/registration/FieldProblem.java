package org.threshold.core.registration;

/**
 * One thing wrong with a form: the field's path (e.g. {@code members[1].birthDate}) and what to do.
 * Messages never repeat the value typed, so personal data cannot leak into logs through them.
 */
public record FieldProblem(String field, String message) {
}
