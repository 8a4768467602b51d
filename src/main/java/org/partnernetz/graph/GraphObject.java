package org.partnernetz.graph;

/** An object of the curated network as the API shows it: every one has a global id and a seed key. */
public interface GraphObject {

    /** The global id, e.g. {@code Organisation:whkt}. */
    String id();

    /** The seed key, stable across imports. */
    String key();

    /** Something with a German description and, perhaps, an English one. */
    interface Described {
        String description();

        String descriptionEn();
    }
}
