package org.partnernetz.history;

/** An update named a version that is no longer the current one: the caller must reload and retry. */
public class ConflictException extends RuntimeException {

    private final int currentVersion;

    public ConflictException(String what, int expected, int currentVersion) {
        super(what + " is at version " + currentVersion + ", not " + expected
                + "; reload it and apply the change again");
        this.currentVersion = currentVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
