package org.partnernetz.graph;

import java.util.List;

/** Something traced to source documents by their seed keys; its {@code sources} field loads them in batch. */
public interface HasSources {

    List<String> sourceKeys();
}
