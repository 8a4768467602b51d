package org.partnernetz.graphql;

/** A credential given in the request's arguments (not its header) that proves nothing: UNAUTHORIZED, with this message. */
public class UnauthorizedException extends RuntimeException {

    public UnauthorizedException(String message) {
        super(message);
    }
}
