package org.partnernetz.search;

import org.partnernetz.content.ContentItem;
import org.partnernetz.graph.GraphObject;

/**
 * One result of {@code search}: an entry of the network or an item of content (the other is null),
 * the field whose text matched, in which language, and a snippet of it with the matches marked.
 */
record SearchHit(GraphObject entity, ContentItem content, double score, String matchedField, String locale,
        String snippet) {
}
