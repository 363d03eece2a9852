package org.threshold.core.registration;

import java.util.List;
import java.util.stream.Collectors;

/** A registration that cannot be accepted, with every problem found (not just the first). */
public final class InvalidRegistrationException extends Exception {
    private final List<FieldProblem> problems;

    public InvalidRegistrationException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
