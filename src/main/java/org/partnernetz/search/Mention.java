package org.partnernetz.search;

import org.partnernetz.graph.GraphObject;

/**
 * An entry a text names, where: {@code start} and {@code end} (exclusive) count UTF-16 code units,
 * as JavaScript's string indexes do; {@code matched} is the text as written there.
 */
record Mention(GraphObject entity, int start, int end, String matched) {
}
