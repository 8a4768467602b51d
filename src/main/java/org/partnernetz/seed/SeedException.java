package org.partnernetz.seed;

import java.util.List;

/** The seed was refused; each problem names the file and the entry. Nothing was written. */
public class SeedException extends RuntimeException {

    private final List<String> problems;

    SeedException(List<String> problems) {
        super("The seed was refused, the database is unchanged:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
