package org.partnernetz.graphql;

/** The client sent something the hub cannot use: a malformed id, cursor, date or argument. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
