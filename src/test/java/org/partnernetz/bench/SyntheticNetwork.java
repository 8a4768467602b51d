package org.partnernetz.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.neo4j.driver.Driver;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;
import org.partnernetz.graph.PartialDate;
import org.partnernetz.graph.SearchText;

/**
 * Writes a synthetic partner network of NRW's full size into the hub's database, beside the curated
 * seed and tied to its real regions: organisations spread over the 53 districts and district-free
 * cities, projects and events whose participants come mostly from their own district (a few
 * statewide ones draw from all of NRW), councils of 10 to 30 members, and funding. Nodes and
 * relationships carry the labels, properties and keys the seed importer writes, so every query of
 * the hub reads them as it would read curated data.
 *
 * <p>The seed's districts are read through the hub's driver; the network is written through the
 * embedded database's own Java API, {@code batchSize} nodes or relationships per transaction, with
 * the nodes it wrote found again by element id. That is several times faster than Cypher over Bolt
 * and touches the same indexes; the writer is the benchmark's fixture, not a path of the hub (whose
 * derivation, timed after it, reads the graph through the driver as in service).
 *
 * <p>The shape is deterministic for a given random seed. A few organisations per district (job
 * centres, municipal offices, welfare associations first) take part far more often than the rest,
 * as in the real network, which makes them the "busy" organisations the benchmark asks about.
 */
final class SyntheticNetwork {

    /** Shares of projects and events that are statewide (active in all of NRW), and that are events. */
    private static final double STATEWIDE_SHARE = 0.002;
    private static final double EVENT_SHARE = 0.35;

    private static final String[][] ORGANISATION_KINDS = {
            {"ASSOCIATION", "320"}, {"COMPANY", "220"}, {"NONPROFIT", "80"}, {"WELFARE_ASSOCIATION", "70"},
            {"RELIGIOUS_COMMUNITY", "50"}, {"MUNICIPAL_OFFICE", "50"}, {"INTEGRATION_AGENCY", "30"},
            {"NETWORK", "30"}, {"CRAFTS_ORGANISATION", "30"}, {"PROFESSIONAL_ASSOCIATION", "20"},
            {"PUBLIC_AGENCY", "20"}, {"MUNICIPALITY", "20"}, {"TRADE_UNION", "15"}, {"EMPLOYER_ASSOCIATION", "15"},
            {"COUNCIL", "10"}, {"JOB_CENTRE", "5"}, {"EMPLOYMENT_AGENCY", "5"}, {"CHAMBER", "3"},
            {"MUNICIPAL_ASSOCIATION", "2"}, {"MINISTRY", "0.5"}, {"FEDERAL_AGENCY", "0.5"}};

    /** How strongly a kind draws participations: the front of each district's list. */
    private static final Map<String, Double> PROMINENCE = Map.ofEntries(
            Map.entry("JOB_CENTRE", 12.0), Map.entry("EMPLOYMENT_AGENCY", 9.0), Map.entry("MUNICIPAL_OFFICE", 8.0),
            Map.entry("CHAMBER", 9.0), Map.entry("INTEGRATION_AGENCY", 7.0), Map.entry("WELFARE_ASSOCIATION", 6.0),
            Map.entry("MUNICIPALITY", 6.0), Map.entry("CRAFTS_ORGANISATION", 4.0), Map.entry("NETWORK", 4.0),
            Map.entry("TRADE_UNION", 3.0), Map.entry("EMPLOYER_ASSOCIATION", 3.0), Map.entry("PUBLIC_AGENCY", 3.0));

    private static final Set<String> FUNDER_KINDS = Set.of("MINISTRY", "FEDERAL_AGENCY", "PUBLIC_AGENCY",
            "EMPLOYMENT_AGENCY", "JOB_CENTRE", "MUNICIPALITY", "MUNICIPAL_OFFICE", "NONPROFIT");

    private static final String[] TOPICS = {"Integration", "Arbeit und Integration", "Ausbildung", "Sprache und Beruf",
            "Flüchtlingshilfe", "Willkommenskultur", "Integration durch Arbeit", "Berufsorientierung", "Nachbarschaft",
            "Bildung und Teilhabe", "Migration", "Qualifizierung", "Mentoring", "Frauen und Beruf"};
    private static final String[] QUARTERS = {"Nord", "Süd", "Ost", "West", "Mitte", "Altstadt", "Innenstadt",
            "am Hafen", "am Markt", "Stadtmitte", "Oberdorf", "Unterstadt", "Neustadt", "Heide", "Feld", "Bruch",
            "Berg", "Tal", "Vorstadt", "Ring"};
    private static final String[] SURNAMES = {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
            "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Yılmaz",
            "Kaya", "Demir", "Şahin", "Nowak", "Kowalski", "Popescu", "Haddad", "Özdemir", "Krüger", "Hartmann"};
    private static final String[] BRANCHES = {"Metallbau", "Elektrotechnik", "Logistik", "Pflegedienst", "Gastronomie",
            "Gebäudereinigung", "Sanitär und Heizung", "Malerbetrieb", "Bäckerei", "Kfz-Technik", "Garten- und Landschaftsbau",
            "IT-Service", "Hotel", "Tischlerei", "Dachdeckerei"};
    private static final String[] WELFARE = {"Caritasverband", "Diakonisches Werk", "AWO Kreisverband",
            "DRK-Kreisverband", "Der Paritätische", "Jüdische Gemeinde – Sozialdienst"};
    private static final String[] PROJECT_PREFIXES = {"Modellprojekt", "Projekt", "Initiative", "Programm",
            "Netzwerk", "Kampagne", "Lotsenprojekt", "Ausbildungsverbund"};
    private static final String[] EVENT_PREFIXES = {"Fachtag", "Regionalkonferenz", "Netzwerktreffen",
            "Ausbildungsbörse", "Jobmesse", "Informationsabend", "Runder Tisch", "Aktionstag"};
    private static final String[][] PROJECT_KINDS = {{"PROJECT", "50"}, {"INITIATIVE", "20"},
            {"MODEL_PROJECT", "15"}, {"PROGRAMME", "10"}, {"CAMPAIGN", "5"}};
    private static final String[][] EVENT_KINDS = {{"REGIONAL_EVENT", "35"}, {"CONFERENCE", "25"},
            {"MEETING", "25"}, {"VISIT", "10"}, {"DAY_OF_ACTION", "5"}};

    /** What was written, and the organisation that takes part most often. */
    record Summary(int organisations, int councils, int projects, int events, int sources,
            Map<String, Integer> relationships, String busiestSlug, String busiestName, int busiestParticipations,
            long millis) {
    }

    private record District(String id, String name, String labourMarketRegion, double weight) {
    }

    private static final Label ENTITY = Label.label("Entity");

    private final Driver driver;
    private final GraphDatabaseService database;
    private final int batchSize;
    private final Random random;
    private final Map<String, List<Map<String, Object>>> nodeBuffers = new LinkedHashMap<>();
    private final Map<String, List<Map<String, Object>>> relationshipBuffers = new LinkedHashMap<>();
    private final Map<String, Integer> written = new LinkedHashMap<>();
    /** The element id of every node written, and of each seed node written to, by key. */
    private final Map<String, String> nodeIds = new HashMap<>();

    private List<District> districts;
    private double[] districtCumulative;
    private Map<String, List<Integer>> districtsByLabourMarketRegion;
    private String[] sourceIds;
    private String[] orgIds;
    private String[] orgNames;
    private String[] orgKinds;
    private int[] orgDistrict;
    private int[] participations;
    /** Per district: its organisations, most prominent first. */
    private int[][] byDistrict;

    SyntheticNetwork(Driver driver, GraphDatabaseService database, int batchSize, long seed) {
        this.driver = driver;
        this.database = database;
        this.batchSize = batchSize;
        this.random = new Random(seed);
    }

    Summary write(int organisations, int relationships) {
        var started = System.nanoTime();
        readDistricts();
        var sourceCount = Math.max(10, organisations / 100);
        writeSources(sourceCount);
        writeOrganisations(organisations);
        var councils = writeCouncils();
        writeOrganisationRegions();
        var funds = Math.max(10, organisations / 20);
        var used = written.entrySet().stream().filter(e -> e.getKey().startsWith("rel:"))
                .mapToInt(Map.Entry::getValue).sum()
                + relationshipBuffers.values().stream().mapToInt(List::size).sum();
        var hubBudget = relationships - used - funds;
        if (hubBudget < organisations / 2) {
            throw new IllegalArgumentException("scale.relationships=" + relationships + " is too small for "
                    + organisations + " organisations: use at least " + (used + funds + organisations / 2));
        }
        var projectsByDistrict = new ArrayList<List<Integer>>();
        districts.forEach(d -> projectsByDistrict.add(new ArrayList<>()));
        var hubs = writeHubs(hubBudget, projectsByDistrict);
        writeFunding(funds, projectsByDistrict);
        flushAll();

        var busiest = 0;
        for (int i = 1; i < participations.length; i++) {
            if (participations[i] > participations[busiest]) {
                busiest = i;
            }
        }
        var relationshipCounts = new LinkedHashMap<String, Integer>();
        written.forEach((key, count) -> {
            if (key.startsWith("rel:")) {
                relationshipCounts.put(key.substring(4), count);
            }
        });
        return new Summary(organisations, councils, hubs[0], hubs[1], sourceCount, relationshipCounts,
                orgIds[busiest], orgNames[busiest], participations[busiest], (System.nanoTime() - started) / 1_000_000);
    }

    // ------------------------------------------------------------------ regions and sources

    private void readDistricts() {
        try (var session = driver.session()) {
            districts = session.executeRead(tx -> tx.run("""
                    MATCH (d:Region) WHERE d.type IN ['DISTRICT', 'DISTRICT_FREE_CITY']
                    RETURN d.key AS id, d.name AS name,
                           head([(d)-[:PART_OF]->(l:Region {type: 'LABOUR_MARKET_REGION'}) | l.key]) AS lmr
                    ORDER BY d.key
                    """).list(r -> new District(r.get("id").asString(), r.get("name").asString(),
                    r.get("lmr").isNull() ? "" : r.get("lmr").asString(), 0.6 + 1.6 * random.nextDouble())));
        }
        if (districts.isEmpty()) {
            throw new IllegalStateException("The seed's districts are missing; is the seed imported?");
        }
        districtCumulative = new double[districts.size()];
        var sum = 0.0;
        for (int i = 0; i < districts.size(); i++) {
            sum += districts.get(i).weight();
            districtCumulative[i] = sum;
        }
        districtsByLabourMarketRegion = new HashMap<>();
        for (int i = 0; i < districts.size(); i++) {
            districtsByLabourMarketRegion.computeIfAbsent(districts.get(i).labourMarketRegion(), k -> new ArrayList<>()).add(i);
        }
    }

    private void writeSources(int count) {
        sourceIds = new String[count];
        for (int i = 0; i < count; i++) {
            var id = "syn-src-" + i;
            sourceIds[i] = id;
            var published = year(2015, 2025) + "-" + two(1 + random.nextInt(12)) + "-" + two(1 + random.nextInt(28));
            var title = "Pressemitteilung " + (i + 1) + ": " + pick(TOPICS) + " in " + districts.get(
                    random.nextInt(districts.size())).name();
            var row = new HashMap<String, Object>();
            row.put("key", id);
            row.put("slug", id);
            row.put("title", title);
            row.put("publisher", "Synthetische Quelle (Skalentest)");
            row.put("date", published);
            row.put("dateKind", "PUBLISHED");
            row.put("documentType", "PRESS_RELEASE");
            row.put("language", "de");
            names(row, title, Stream.of(title, "Synthetische Quelle (Skalentest)"));
            dates(row, published, published);
            node("Source", row);
        }
    }

    // ------------------------------------------------------------------ organisations

    private void writeOrganisations(int count) {
        orgIds = new String[count];
        orgNames = new String[count];
        orgKinds = new String[count];
        orgDistrict = new int[count];
        participations = new int[count];
        var kindWeights = cumulative(ORGANISATION_KINDS);
        for (int i = 0; i < count; i++) {
            var district = randomDistrict();
            var kind = ORGANISATION_KINDS[weighted(kindWeights)][0];
            var place = districts.get(district).name();
            var name = organisationName(kind, place);
            var shortName = shortName(kind, place);
            orgIds[i] = "syn-org-" + i;
            orgNames[i] = name;
            orgKinds[i] = kind;
            orgDistrict[i] = district;
            var row = new HashMap<String, Object>();
            row.put("key", orgIds[i]);
            row.put("slug", orgIds[i]);
            row.put("name", name);
            row.put("aliases", List.of());
            row.put("kind", kind);
            row.put("description", "Synthetische Organisation (" + kind.toLowerCase() + ") in " + place
                    + " für den Skalentest des Partnernetzes; Schwerpunkt " + pick(TOPICS) + ".");
            if (shortName != null) {
                row.put("shortName", shortName);
            }
            names(row, name, Stream.of(name, shortName));
            node("Organisation", row);
        }
        // Each district's organisations ordered by a noisy prominence: the front takes part most.
        var lists = new ArrayList<List<Integer>>();
        districts.forEach(d -> lists.add(new ArrayList<>()));
        for (int i = 0; i < count; i++) {
            lists.get(orgDistrict[i]).add(i);
        }
        var score = new double[count];
        for (int i = 0; i < count; i++) {
            score[i] = PROMINENCE.getOrDefault(orgKinds[i], orgKinds[i].equals("COUNCIL") ? 0.3 : 1.0) * random.nextDouble();
        }
        byDistrict = new int[districts.size()][];
        for (int d = 0; d < districts.size(); d++) {
            var list = lists.get(d);
            list.sort((a, b) -> Double.compare(score[b], score[a]));
            byDistrict[d] = list.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private String organisationName(String kind, String place) {
        return switch (kind) {
            case "ASSOCIATION" -> pick(new String[] {"Förderverein", "Initiative", "Verein für", "Freundeskreis",
                    "Bürgerverein", "Arbeitskreis"}) + " " + pick(TOPICS) + " " + place + "-" + pick(QUARTERS) + " e. V.";
            case "COMPANY" -> pick(SURNAMES) + " " + pick(BRANCHES) + " " + pick(new String[] {"GmbH", "GmbH & Co. KG",
                    "KG", "e. K."}) + (random.nextInt(3) == 0 ? " " + place : "");
            case "NONPROFIT" -> pick(new String[] {"Stiftung", "Bildungswerk", "Beschäftigungsgesellschaft",
                    "Qualifizierungszentrum"}) + " " + pick(TOPICS) + " " + place + " gGmbH";
            case "WELFARE_ASSOCIATION" -> pick(WELFARE) + " " + place + (random.nextBoolean() ? "" : " – " + pick(QUARTERS));
            case "RELIGIOUS_COMMUNITY" -> pick(new String[] {"Ev. Kirchengemeinde", "Kath. Pfarrei St. Marien",
                    "Moscheegemeinde", "Alevitische Gemeinde", "Freie Christengemeinde"}) + " " + place + "-" + pick(QUARTERS);
            case "MUNICIPAL_OFFICE" -> pick(new String[] {"Kommunales Integrationszentrum", "Ausländerbehörde",
                    "Amt für Migration und Integration", "Sozialamt", "Jugendamt", "Jugendmigrationsdienst"}) + " " + place
                    + (random.nextInt(4) == 0 ? " " + pick(QUARTERS) : "");
            case "INTEGRATION_AGENCY" -> "Integrationsagentur " + pick(WELFARE) + " " + place;
            case "NETWORK" -> "Netzwerk " + pick(TOPICS) + " " + place;
            case "CRAFTS_ORGANISATION" -> pick(new String[] {"Kreishandwerkerschaft", "Innung " + pick(BRANCHES),
                    "Handwerkerverband"}) + " " + place;
            case "PROFESSIONAL_ASSOCIATION" -> pick(new String[] {"Ärzteverein", "Anwaltverein", "Lehrerverband",
                    "Pflegeverband"}) + " " + place;
            case "PUBLIC_AGENCY" -> pick(new String[] {"Bildungsbüro", "Schulamt", "Bezirksstelle",
                    "Wirtschaftsförderung"}) + " " + place;
            case "MUNICIPALITY" -> pick(new String[] {"Stadt", "Gemeinde"}) + " " + place + "-" + pick(QUARTERS);
            case "TRADE_UNION" -> pick(new String[] {"DGB-Stadtverband", "ver.di Ortsverein", "IG Metall Geschäftsstelle",
                    "NGG Region"}) + " " + place;
            case "EMPLOYER_ASSOCIATION" -> pick(new String[] {"Unternehmerverband", "Arbeitgeberverband",
                    "Einzelhandelsverband"}) + " " + place;
            case "COUNCIL" -> pick(new String[] {"Integrationsrat", "Beirat Integration in Arbeit",
                    "Runder Tisch Flüchtlingshilfe", "Arbeitskreis Ausbildung"}) + " " + place
                    + (random.nextBoolean() ? "" : " " + pick(QUARTERS));
            case "JOB_CENTRE" -> "Jobcenter " + place + (random.nextInt(3) == 0 ? " – Standort " + pick(QUARTERS) : "");
            case "EMPLOYMENT_AGENCY" -> "Agentur für Arbeit " + place + (random.nextInt(3) == 0 ? " – Geschäftsstelle " + pick(QUARTERS) : "");
            case "CHAMBER" -> pick(new String[] {"IHK-Geschäftsstelle", "Handwerkskammer-Beratungsstelle"}) + " " + place;
            case "MUNICIPAL_ASSOCIATION" -> "Zweckverband " + pick(TOPICS) + " " + place;
            case "MINISTRY" -> "Ministerium für " + pick(TOPICS) + " (Abteilung " + (1 + random.nextInt(9)) + ")";
            case "FEDERAL_AGENCY" -> "Bundesamt für Migration und Flüchtlinge, Außenstelle " + place;
            default -> kind + " " + place;
        };
    }

    private String shortName(String kind, String place) {
        return switch (kind) {
            case "JOB_CENTRE" -> "JC " + place;
            case "EMPLOYMENT_AGENCY" -> "AA " + place;
            case "MUNICIPAL_OFFICE" -> random.nextInt(3) == 0 ? "KI " + place : null;
            case "FEDERAL_AGENCY" -> "BAMF " + place;
            default -> null;
        };
    }

    /** Councils and their members, mostly from the council's own district. */
    private int writeCouncils() {
        var councils = 0;
        for (int council = 0; council < orgIds.length; council++) {
            if (!orgKinds[council].equals("COUNCIL")) {
                continue;
            }
            councils++;
            var size = 10 + random.nextInt(21);
            var members = new HashSet<Integer>();
            for (int attempt = 0; members.size() < size && attempt < size * 5; attempt++) {
                var member = participant(orgDistrict[council], 0.80, 0.15);
                if (member != council && !orgKinds[member].equals("COUNCIL")) {
                    members.add(member);
                }
            }
            for (var member : members) {
                var props = fact("MEMBER_OF", orgIds[member], orgIds[council], null);
                if (random.nextInt(3) == 0) {
                    dates(props, year(2012, 2022), null);
                    props.put("since", props.get("startText"));
                }
                relationship("MEMBER_OF", orgIds[member], orgIds[council], props);
            }
        }
        return councils;
    }

    private void writeOrganisationRegions() {
        for (int i = 0; i < orgIds.length; i++) {
            var home = orgDistrict[i];
            relationship("LOCATED_IN", orgIds[i], districts.get(home).id(), fact("LOCATED_IN", orgIds[i],
                    districts.get(home).id(), null));
            if (Set.of("MINISTRY", "FEDERAL_AGENCY").contains(orgKinds[i])) {
                relationship("ACTIVE_IN", orgIds[i], "nrw", fact("ACTIVE_IN", orgIds[i], "nrw", null));
            } else if (random.nextInt(10) == 0) {
                var others = new HashSet<Integer>();
                var wanted = 1 + random.nextInt(2);
                for (int attempt = 0; others.size() < wanted && attempt < 10; attempt++) {
                    var other = nearbyDistrict(home, 0.7);
                    if (other != home) {
                        others.add(other);
                    }
                }
                for (var other : others) {
                    var region = districts.get(other).id();
                    relationship("ACTIVE_IN", orgIds[i], region, fact("ACTIVE_IN", orgIds[i], region, null));
                }
            }
        }
    }

    // ------------------------------------------------------------------ projects and events

    /** Writes projects and events until {@code budget} relationships are used; returns {projects, events}. */
    private int[] writeHubs(int budget, List<List<Integer>> projectsByDistrict) {
        var projectKinds = cumulative(PROJECT_KINDS);
        var eventKinds = cumulative(EVENT_KINDS);
        int projects = 0;
        int events = 0;
        int used = 0;
        while (used < budget) {
            var statewide = random.nextDouble() < STATEWIDE_SHARE;
            var event = random.nextDouble() < EVENT_SHARE;
            var home = randomDistrict();
            var place = statewide ? "NRW" : districts.get(home).name();
            var row = new HashMap<String, Object>();
            String id;
            String label;
            if (event) {
                id = "syn-evt-" + events++;
                label = "Event";
                var date = year(2015, 2025) + "-" + two(1 + random.nextInt(12)) + "-" + two(1 + random.nextInt(28));
                String endDate = null;
                if (random.nextInt(7) == 0) {
                    var day = PartialDate.parse(date).first().plusDays(1 + random.nextInt(2));
                    endDate = day.toString();
                }
                var kind = EVENT_KINDS[weighted(eventKinds)][0];
                var name = pick(EVENT_PREFIXES) + " " + pick(TOPICS) + " " + place + " " + date.substring(0, 4);
                row.put("name", name);
                row.put("kind", kind);
                row.put("date", date);
                if (endDate != null) {
                    row.put("endDate", endDate);
                }
                row.put("description", "Synthetische Veranstaltung in " + place + " für den Skalentest.");
                names(row, name, Stream.of(name));
                dates(row, date, endDate != null ? endDate : date);
            } else {
                id = "syn-prj-" + projects++;
                label = "Project";
                var since = year(2014, 2024) + (random.nextBoolean() ? "-" + two(1 + random.nextInt(12)) : "");
                String until = null;
                if (random.nextInt(10) < 7) {
                    until = String.valueOf(Integer.parseInt(since.substring(0, 4)) + 1 + random.nextInt(4));
                }
                var kind = PROJECT_KINDS[weighted(projectKinds)][0];
                var name = pick(PROJECT_PREFIXES) + " „" + pick(TOPICS) + "“ " + place + " " + (projects % 997);
                row.put("name", name);
                row.put("aliases", List.of());
                row.put("kind", kind);
                row.put("since", since);
                if (until != null) {
                    row.put("until", until);
                }
                row.put("description", "Synthetisches Projekt in " + place + " für den Skalentest; Thema "
                        + pick(TOPICS) + ".");
                names(row, name, Stream.of(name));
                dates(row, since, until);
                if (!statewide) {
                    projectsByDistrict.get(home).add(projects - 1);
                }
            }
            row.put("key", id);
            row.put("slug", id);
            node(label, row);

            // Where it takes place.
            if (statewide) {
                used += region("ACTIVE_IN", id, "nrw");
            } else {
                used += region(event || random.nextInt(100) < 65 ? "LOCATED_IN" : "ACTIVE_IN", id, districts.get(home).id());
                if (!event && random.nextInt(100) < 15) {
                    var other = nearbyDistrict(home, 1.0);
                    if (other != home) {
                        used += region("ACTIVE_IN", id, districts.get(other).id());
                    }
                }
            }

            // Who takes part.
            int size = statewide ? 20 + random.nextInt(41)
                    : event ? 3 + binomial(10, 0.4) : 2 + binomial(6, 0.4);
            var members = new java.util.LinkedHashSet<Integer>();
            for (int attempt = 0; members.size() < size && attempt < size * 5; attempt++) {
                members.add(statewide ? participant(randomDistrict(), 1.0, 0.0) : participant(home, 0.85, 0.10));
            }
            int position = 0;
            for (var member : members) {
                var role = role(event, position++);
                var props = fact("PARTICIPATES_IN", orgIds[member], id, role);
                relationship("PARTICIPATES_IN", orgIds[member], id, props);
                participations[member]++;
                used++;
            }
        }
        return new int[] {projects, events};
    }

    private int region(String type, String from, String region) {
        relationship(type, from, region, fact(type, from, region, null));
        return 1;
    }

    private String role(boolean event, int position) {
        if (event) {
            return position == 0 ? "ORGANISER" : position == 1 && random.nextBoolean() ? "HOST" : "PARTICIPANT";
        }
        if (position == 0) {
            return "LEAD";
        }
        var r = random.nextInt(100);
        return r < 15 ? "CARRIER" : r < 20 ? "FUNDER" : r < 23 ? "INITIATOR" : "PARTNER";
    }

    private void writeFunding(int count, List<List<Integer>> projectsByDistrict) {
        var funders = new ArrayList<Integer>();
        for (int i = 0; i < orgIds.length; i++) {
            if (FUNDER_KINDS.contains(orgKinds[i])) {
                funders.add(i);
            }
        }
        var keys = new HashSet<String>();
        for (int attempt = 0; keys.size() < count && attempt < count * 3; attempt++) {
            var funder = funders.get(random.nextInt(funders.size()));
            var district = orgKinds[funder].equals("MINISTRY") ? randomDistrict() : orgDistrict[funder];
            String target;
            var projects = projectsByDistrict.get(district);
            if (random.nextInt(10) < 6 && !projects.isEmpty()) {
                target = "syn-prj-" + projects.get(random.nextInt(projects.size()));
            } else {
                var recipient = participant(district, 0.9, 0.1);
                if (recipient == funder) {
                    continue;
                }
                target = orgIds[recipient];
            }
            var props = fact("FUNDS", orgIds[funder], target, null);
            if (!keys.add((String) props.get("key"))) {
                continue;
            }
            var since = year(2015, 2023);
            var until = String.valueOf(Integer.parseInt(since) + 1 + random.nextInt(3));
            props.put("since", since);
            props.put("until", until);
            props.put("amount", 5_000L * (1 + random.nextInt(100)));
            props.put("currency", "EUR");
            props.put("period", since + "–" + until);
            dates(props, since, until);
            relationship("FUNDS", orgIds[funder], target, props);
        }
    }

    // ------------------------------------------------------------------ choosing

    /** An organisation from {@code home} (share {@code local}), its labour-market region ({@code nearby}) or anywhere. */
    private int participant(int home, double local, double nearby) {
        var u = random.nextDouble();
        var district = u < local ? home : u < local + nearby ? nearbyDistrict(home, 1.0) : randomDistrict();
        var list = byDistrict[district];
        if (list.length == 0) {
            list = byDistrict[home];
        }
        return list[(int) (list.length * Math.pow(random.nextDouble(), 2.5))];
    }

    /** Another district of the same labour-market region with probability {@code sameRegion}, else any. */
    private int nearbyDistrict(int home, double sameRegion) {
        var siblings = districtsByLabourMarketRegion.get(districts.get(home).labourMarketRegion());
        if (random.nextDouble() < sameRegion && siblings != null && siblings.size() > 1) {
            return siblings.get(random.nextInt(siblings.size()));
        }
        return randomDistrict();
    }

    private int randomDistrict() {
        var x = random.nextDouble() * districtCumulative[districtCumulative.length - 1];
        for (int i = 0; i < districtCumulative.length; i++) {
            if (x < districtCumulative[i]) {
                return i;
            }
        }
        return districtCumulative.length - 1;
    }

    private static double[] cumulative(String[][] weights) {
        var result = new double[weights.length];
        var sum = 0.0;
        for (int i = 0; i < weights.length; i++) {
            sum += Double.parseDouble(weights[i][1]);
            result[i] = sum;
        }
        return result;
    }

    private int weighted(double[] cumulative) {
        var x = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (x < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    private int binomial(int n, double p) {
        var k = 0;
        for (int i = 0; i < n; i++) {
            if (random.nextDouble() < p) {
                k++;
            }
        }
        return k;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private String year(int from, int to) {
        return String.valueOf(from + random.nextInt(to - from + 1));
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : String.valueOf(value);
    }

    // ------------------------------------------------------------------ rows as the importer writes them

    /** Relationship properties as the importer sets them: key, role, basis, sources. */
    private Map<String, Object> fact(String type, String from, String to, String role) {
        var props = new HashMap<String, Object>();
        props.put("key", type + "|" + from + "|" + to + "|" + (role == null ? "" : role));
        if (role != null) {
            props.put("role", role);
        }
        props.put("basis", random.nextInt(10) < 7 ? "stated" : "inferred");
        var sources = new ArrayList<String>();
        sources.add(sourceIds[random.nextInt(sourceIds.length)]);
        if (random.nextInt(5) == 0) {
            var second = sourceIds[random.nextInt(sourceIds.length)];
            if (!sources.contains(second)) {
                sources.add(second);
            }
        }
        props.put("sources", sources);
        return props;
    }

    private static void dates(Map<String, Object> row, String start, String end) {
        var first = PartialDate.parseNullable(start);
        var last = PartialDate.parseNullable(end);
        if (first != null) {
            row.put("start", first.first());
            row.put("startText", start);
        }
        if (last != null) {
            row.put("end", last.last());
            row.put("endText", end);
        }
    }

    private static void names(Map<String, Object> row, String sortName, Stream<String> names) {
        row.put("sortName", SearchText.fold(sortName));
        row.put("searchText", SearchText.of(names));
    }

    // ------------------------------------------------------------------ writing in batches

    private void node(String label, Map<String, Object> row) {
        var buffer = nodeBuffers.computeIfAbsent(label, l -> new ArrayList<>());
        buffer.add(row);
        if (buffer.size() >= batchSize) {
            flushNodes(label);
        }
    }

    private void relationship(String type, String from, String to, Map<String, Object> props) {
        var buffer = relationshipBuffers.computeIfAbsent(type, t -> new ArrayList<>());
        buffer.add(Map.of("from", from, "to", to, "props", props));
        if (buffer.size() >= batchSize) {
            flushRelationships(type);
        }
    }

    private void flushNodes(String label) {
        var rows = nodeBuffers.get(label);
        if (rows == null || rows.isEmpty()) {
            return;
        }
        var labels = new Label[] {ENTITY, Label.label(label)};
        try (var tx = database.beginTx()) {
            for (var row : rows) {
                var node = tx.createNode(labels);
                row.forEach((name, value) -> node.setProperty(name, storable(value)));
                nodeIds.put((String) row.get("key"), node.getElementId());
            }
            tx.commit();
        }
        written.merge("node:" + label, rows.size(), Integer::sum);
        rows.clear();
    }

    /** Writes the buffered relationships of {@code type}, after every buffered node they may point to. */
    private void flushRelationships(String type) {
        nodeBuffers.keySet().forEach(this::flushNodes);
        var rows = relationshipBuffers.get(type);
        if (rows == null || rows.isEmpty()) {
            return;
        }
        var relationshipType = RelationshipType.withName(type);
        try (var tx = database.beginTx()) {
            for (var row : rows) {
                var from = node(tx, (String) row.get("from"));
                var to = node(tx, (String) row.get("to"));
                var relationship = from.createRelationshipTo(to, relationshipType);
                @SuppressWarnings("unchecked")
                var props = (Map<String, Object>) row.get("props");
                props.forEach((name, value) -> relationship.setProperty(name, storable(value)));
            }
            tx.commit();
        }
        written.merge("rel:" + type, rows.size(), Integer::sum);
        rows.clear();
    }

    /** A node written here by its element id; a seed node (a region) found once by its key. */
    private Node node(Transaction tx, String key) {
        var id = nodeIds.get(key);
        if (id == null) {
            var found = tx.findNode(ENTITY, "key", key);
            if (found == null) {
                throw new IllegalStateException("No entity with the key " + key);
            }
            id = found.getElementId();
            nodeIds.put(key, id);
        }
        return tx.getNodeByElementId(id);
    }

    /** A value as the core API stores it: lists become arrays, as Cypher stores them. */
    private static Object storable(Object value) {
        if (value instanceof List<?> list) {
            if (list.isEmpty() || list.getFirst() instanceof String) {
                return list.toArray(String[]::new);
            }
            if (list.getFirst() instanceof Long) {
                return list.stream().mapToLong(Long.class::cast).toArray();
            }
            throw new IllegalArgumentException("A list the writer cannot store: " + list);
        }
        return value;
    }

    private void flushAll() {
        nodeBuffers.keySet().forEach(this::flushNodes);
        relationshipBuffers.keySet().forEach(this::flushRelationships);
    }
}
