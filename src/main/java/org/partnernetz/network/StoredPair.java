package org.partnernetz.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A collaborating pair of organisations ({@code a} before {@code b} by seed key) with its links.
 * Pairs with two links or more are stored, one {@code :Collaboration} node each, with the keys that
 * make the strongest pairs an index-ordered read: for the whole network and for every region where
 * the pair has two links or more (links in the regions inside it count), a rank property holds
 * {@code <999999 − weight, six digits>|<pairKey>}. Ascending rank is strongest first, then by pair,
 * the order of {@code collaborations}; each rank property has its own range index
 * ({@link #rankIndex}). Pairs with a single link (most of them) are not stored: they are read from
 * the base facts when a page reaches them ({@link CollaborationLinks}).
 */
record StoredPair(String pairKey, List<DerivedLink> links) {

    /** The rank property of the whole network. */
    static final String RANK = "rank";

    private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9_-]+");
    private static final int MAX_WEIGHT = 999_999;

    StoredPair {
        links = links.stream().sorted().toList();
    }

    String a() {
        return first(pairKey);
    }

    String b() {
        return second(pairKey);
    }

    /** The first organisation of a pair key. */
    static String first(String pairKey) {
        return pairKey.substring(0, pairKey.indexOf('|'));
    }

    /** The second organisation of a pair key. */
    static String second(String pairKey) {
        return pairKey.substring(pairKey.indexOf('|') + 1);
    }

    int weight() {
        return links.size();
    }

    /** Whether the pair is stored: it has two links or more. */
    boolean stored() {
        return links.size() >= 2;
    }

    static String pairKey(String a, String b) {
        return a + "|" + b;
    }

    /** The rank property of one region; region keys are checked, as they become part of Cypher. */
    static String rankProperty(String regionKey) {
        if (!SAFE_KEY.matcher(regionKey).matches()) {
            throw new IllegalArgumentException("A region key that cannot name a rank property: " + regionKey);
        }
        return "rank:" + regionKey;
    }

    /** The range index over one region's rank property. */
    static String rankIndex(String regionKey) {
        rankProperty(regionKey);
        return "collaboration_rank_" + regionKey.replace('-', '_');
    }

    static String rank(int weight, String pairKey) {
        return "%06d|%s".formatted(MAX_WEIGHT - Math.min(weight, MAX_WEIGHT), pairKey);
    }

    /** The weight a rank stands for. */
    static int weightOf(String rank) {
        return MAX_WEIGHT - Integer.parseInt(rank.substring(0, 6));
    }

    /** {@link #weightOf} in Cypher, of the rank that {@code rank} (a Cypher expression) holds. */
    static String weightOfInCypher(String rank) {
        return "(%d - toInteger(substring(%s, 0, 6)))".formatted(MAX_WEIGHT, rank);
    }

    /** The regions of a link and every region they lie in; {@code above} maps a region to those. */
    static Set<String> regionsOf(DerivedLink link, Map<String, Set<String>> above) {
        var regions = new TreeSet<String>();
        link.regions().forEach(r -> regions.addAll(above.getOrDefault(r, Set.of(r))));
        return regions;
    }

    /** How many links are in each region, the regions inside it included. */
    Map<String, Integer> regionWeights(Map<String, Set<String>> above) {
        var weights = new TreeMap<String, Integer>();
        links.forEach(link -> regionsOf(link, above).forEach(r -> weights.merge(r, 1, Integer::sum)));
        return weights;
    }

    /** The node's properties: everything {@code SET p = $properties} should leave. */
    Map<String, Object> properties(Map<String, Set<String>> above) {
        var properties = new HashMap<String, Object>();
        properties.put("pairKey", pairKey);
        properties.put("a", first(pairKey));
        properties.put("b", b());
        properties.put(RANK, rank(links.size(), pairKey));
        regionWeights(above).forEach((region, weight) -> {
            if (weight >= 2) {
                properties.put(rankProperty(region), rank(weight, pairKey));
            }
        });
        var encoded = new ArrayList<String>(links.size());
        var starts = new ArrayList<Long>(links.size());
        var ends = new ArrayList<Long>(links.size());
        var regions = new ArrayList<String>(links.size());
        for (var link : links) {
            encoded.add(link.encoded());
            starts.add(link.startDay());
            ends.add(link.endDay());
            regions.add(String.join(",", link.regions()));
        }
        properties.put("links", encoded);
        // The regions of each link again, on their own: a time window counts a pair's links in a
        // region without reading the links themselves.
        properties.put("linkRegions", regions);
        properties.put("starts", starts);
        properties.put("ends", ends);
        return properties;
    }

    /** The pair read back from its node's {@code links}, {@code starts} and {@code ends}. */
    static StoredPair read(String pairKey, List<String> links, List<Long> starts, List<Long> ends) {
        var decoded = new ArrayList<DerivedLink>(links.size());
        for (int i = 0; i < links.size(); i++) {
            decoded.add(DerivedLink.decode(links.get(i), starts.get(i), ends.get(i)));
        }
        return new StoredPair(pairKey, decoded);
    }

    /** The links in one of {@code regionKeys} (all when null) whose time overlaps the window. */
    List<DerivedLink> shown(Collection<String> regionKeys, long from, long to) {
        return shown(links, regionKeys, from, to);
    }

    /** The same for links not (yet) gathered into a pair. */
    static List<DerivedLink> shown(List<DerivedLink> links, Collection<String> regionKeys, long from, long to) {
        return links.stream().filter(l -> (regionKeys == null || l.inAny(regionKeys)) && l.overlaps(from, to)).toList();
    }
}
