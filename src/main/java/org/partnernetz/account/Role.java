package org.partnernetz.account;

/**
 * What a caller may do. Each role includes the ones before it (see {@link SecurityConfiguration}):
 * PARTNER reads (its webhooks and higher limits come later), EDITOR also edits the network, ADMIN
 * also manages tokens, imports and exports.
 */
public enum Role {
    PARTNER, EDITOR, ADMIN;

    /** The Spring Security authority of the role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
