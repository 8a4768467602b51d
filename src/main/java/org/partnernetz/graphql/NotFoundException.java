package org.partnernetz.graphql;

/** An argument names something that does not exist in the graph. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
