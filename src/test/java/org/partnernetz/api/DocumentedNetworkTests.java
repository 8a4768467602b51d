package org.partnernetz.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnernetz.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * What the five documents say, asked through the API: the relationship types, fields and entities
 * that hold their facts (who runs, initiates, advises, publishes, offers, presents, states ...), the
 * provenance rules, and the searches and filters researchers reach for. Values come from the
 * documents.
 */
@FullStackTest
class DocumentedNetworkTests {

    private static final String S2 = "src-duesseldorf-2018-11-integration-arbeit-ausbildung";
    private static final String S4 = "src-mais-2015-11-05-integrationsagenturen";

    @Autowired
    HttpGraphQlTester graphQl;

    // ------------------------------------------------------------ new relationship types

    @Test
    void theSixWelfareAssociationsRunTheIntegrationAgencies() {
        var response = graphQl.document("""
                { organisation(id: "integrationsagenturen-nrw") {
                    runBy(first: 20) { edges { node { ... on Organisation { key kind } } relationship { type basis sources { key } } } }
                } }""").execute();
        assertThat(keys(response, "organisation.runBy")).contains("arbeiterwohlfahrt", "caritas", "diakonie",
                "der-paritaetische", "deutsches-rotes-kreuz", "landesverbaende-juedische-gemeinden");
        assertThat(response.path("organisation.runBy.edges[*].relationship.type").entityList(String.class).get())
                .containsOnly("RUNS");
        assertThat(response.path("organisation.runBy.edges[*].relationship.sources[*].key").entityList(String.class).get())
                .contains(S4);
        var runs = graphQl.document("{ organisation(id: \"caritas\") { runs { edges { node { id } } } } }").execute()
                .path("organisation.runs.edges[*].node.id").entityList(String.class).get();
        assertThat(runs).contains("Organisation:integrationsagenturen-nrw");
    }

    @Test
    void everyDocumentNamesWhoPublishedItAsGraphEntities() {
        var response = graphQl.document("""
                { sources(documentTypes: [PRESS_RELEASE, NEWS_ITEM, WEB_PAGE], first: 20) { totalCount edges { node {
                    key documentType
                    publishedBy(first: 10) { totalCount edges { node { id } relationship { role basis sources { key } } } }
                } } } }""").execute();
        var sources = response.path("sources.edges[*].node")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() { }).get();
        assertThat(sources).hasSize(5).allSatisfy(source ->
                assertThat(((Map<?, ?>) source.get("publishedBy")).get("totalCount")).as(source.get("key").toString())
                        .isNotEqualTo(0));
        assertThat(publishers(response, "src-whkt-2019-06-26-ehrenamt-bewegt")).contains("Organisation:whkt");
        assertThat(publishers(response, "src-mais-2016-10-19-dortmund")).contains("Organisation:mais-nrw");
        assertThat(publishers(response, S2)).contains("Person:michael-bergmann");
        assertThat(publishers(response, "src-antz-2015-07-28-engagement-integration")).contains("Person:eva-maria-antz");
        assertThat(publishers(response, S4)).contains("Organisation:mais-nrw");
        var roles = response.path("sources.edges[?(@.node.key == '" + S2 + "')].node.publishedBy.edges[?(@.node.id == 'Person:michael-bergmann')].relationship.role")
                .entityList(String.class).get();
        assertThat(roles).containsExactly("AUTHOR");
        var written = graphQl.document("{ person(id: \"michael-bergmann\") { publications { edges { node { id } relationship { role } } } } }")
                .execute().path("person.publications.edges[*].node.id").entityList(String.class).get();
        assertThat(written).containsExactly("Source:" + S2);
    }

    @Test
    void theDusseldorfEventPresentedItsSectors() {
        var response = graphQl.document("""
                { event(id: "veranstaltung-duesseldorf-kreis-mettmann-2018-11-21") {
                    presented(first: 20) { edges { node { ... on Topic { name nameEn kind } } relationship { type sources { key } } } }
                } }""").execute();
        var sectors = response.path("event.presented.edges[?(@.node.kind == 'SECTOR')].node.name").entityList(String.class).get();
        assertThat(sectors).hasSizeGreaterThanOrEqualTo(6).contains("IT", "Pflege", "Spedition");
        assertThat(response.path("event.presented.edges[*].relationship.sources[*].key").entityList(String.class).get())
                .containsOnly(S2);
        var sectorList = graphQl.document("{ topics(kinds: [SECTOR], first: 50) { totalCount edges { node { kind presentedAt { totalCount } } } } }")
                .execute();
        assertThat(sectorList.path("topics.edges[*].node.kind").entityList(String.class).get()).containsOnly("SECTOR");
        assertThat(sectorList.path("topics.totalCount").entity(Integer.class).get()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void theModelProjectHasItsDatedMilestonesInOrder() {
        var response = graphQl.document("""
                { project(id: "ausbildung-chance-duesseldorf") {
                    milestones { edges { node { ... on Milestone { date name basis project { key } sources { edges { node { key } } } } } relationship { type } } }
                } }""").execute();
        var dates = response.path("project.milestones.edges[*].node.date").entityList(String.class).get();
        assertThat(dates).contains("2017", "2018-03", "2018-09").isSorted();
        assertThat(response.path("project.milestones.edges[*].node.project.key").entityList(String.class).get())
                .containsOnly("ausbildung-chance-duesseldorf");
        assertThat(response.path("project.milestones.edges[*].node.sources.edges[*].node.key").entityList(String.class).get())
                .containsOnly(S2);
    }

    @Test
    void aCouncilAdvisesTheStateGovernment() {
        var advises = graphQl.document("""
                { organisation(id: "landesbeirat-vertriebenen-fluechtlings-spaetaussiedlerfragen") {
                    kind advises { edges { node { ... on Organisation { key } } relationship { basis } } } } }""").execute();
        advises.path("organisation.kind").entity(String.class).isEqualTo("COUNCIL");
        assertThat(keys(advises, "organisation.advises")).contains("landesregierung-nrw");
        var advisedBy = graphQl.document("{ organisation(id: \"landesregierung-nrw\") { advisedBy { edges { node { id } } } } }")
                .execute().path("organisation.advisedBy.edges[*].node.id").entityList(String.class).get();
        assertThat(advisedBy).contains("Organisation:landesbeirat-vertriebenen-fluechtlings-spaetaussiedlerfragen");
    }

    @Test
    void theRegionalDirectorateInitiatedTheCouncilIn2015() {
        var response = graphQl.document("""
                { organisation(id: "ba-regionaldirektion-nrw") {
                    initiated { edges { node { id } relationship { type since basis } } } } }""").execute();
        assertThat(response.path("organisation.initiated.edges[?(@.node.id == 'Organisation:beirat-integration-fluechtlinge-arbeit-ausbildung')].relationship.since")
                .entityList(String.class).get()).containsExactly("2015");
        var initiatedBy = graphQl.document("{ project(id: \"landesaktion-nrw-das-machen-wir\") { initiatedBy { edges { node { id } relationship { since } } } } }")
                .execute().path("project.initiatedBy.edges[*].node.id").entityList(String.class).get();
        assertThat(initiatedBy).contains("Person:rainer-schmeltzer");
    }

    @Test
    void theVolunteerProgrammeFollowsFromTheRefugeeSummitAndIsAimedAtVolunteers() {
        var response = graphQl.document("""
                { project(id: "ehrenamt-in-der-fluechtlingshilfe") {
                    followsFrom { edges { node { id } relationship { type basis } } }
                    targetGroups { edges { node { ... on TargetGroup { key name nameEn } } } }
                } }""").execute();
        assertThat(response.path("project.followsFrom.edges[*].node.id").entityList(String.class).get())
                .containsExactly("Event:erster-fluechtlingsgipfel-nrw");
        assertThat(response.path("project.targetGroups.edges[*].node.nameEn").entityList(String.class).get())
                .anySatisfy(name -> assertThat(name).containsIgnoringCase("volunteer"));
        var consequences = graphQl.document("{ event(id: \"erster-fluechtlingsgipfel-nrw\") { consequences { edges { node { id } } } } }")
                .execute().path("event.consequences.edges[*].node.id").entityList(String.class).get();
        assertThat(consequences).contains("Project:ehrenamt-in-der-fluechtlingshilfe");
        var groups = graphQl.document("{ targetGroups(first: 50) { totalCount edges { node { addressedBy { totalCount } } } } }")
                .execute();
        assertThat(groups.path("targetGroups.totalCount").entity(Integer.class).get()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void offersAndFieldsOfActivityAreTopicsToFilterBy() {
        var offers = graphQl.document("{ organisation(id: \"vmdo\") { offers { edges { node { ... on Topic { name kind } } } } } }")
                .execute();
        assertThat(offers.path("organisation.offers.edges[*].node.kind").entityList(String.class).get())
                .isNotEmpty().containsOnly("SERVICE");
        assertThat(offers.path("organisation.offers.edges[*].node.name").entityList(String.class).get())
                .anySatisfy(name -> assertThat(name).containsIgnoringCase("Anerkennung"));
        var fields = graphQl.document("""
                { organisation(id: "integrationsagenturen-nrw") {
                    fieldsOfActivity(first: 20) { edges { node { ... on Topic { key kind workedOnBy { totalCount } } } relationship { sources { key } } } } } }""")
                .execute();
        assertThat(fields.path("organisation.fieldsOfActivity.edges[*].node.kind").entityList(String.class).get())
                .hasSizeGreaterThanOrEqualTo(4);
        assertThat(fields.path("organisation.fieldsOfActivity.edges[*].relationship.sources[*].key").entityList(String.class).get())
                .contains(S4);
    }

    // ------------------------------------------------------------ figures

    @Test
    void figuresOfThePlacementsIn2018SayWhoStatedThemAndAWindowWithout2018ExcludesThem() {
        var query = """
                query($from: String, $to: String) {
                  figures(region: "nrw", metrics: ["refugees-placed-in-work", "refugees-placed-in-training"], from: $from, to: $to) {
                    totalCount
                    edges { node { metric value qualifier qualifierText date about { id } region { key }
                      statedBy { edges { node { ... on Person { key } } relationship { asOf } } } } }
                  } }""";
        var in2018 = graphQl.document(query).variable("from", "2018").variable("to", "2018").execute();
        var figures = in2018.path("figures.edges[*].node")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() { }).get();
        assertThat(figures).extracting(f -> f.get("value")).contains(37000.0, 6000.0);
        assertThat(in2018.path("figures.edges[?(@.node.value == 37000.0)].node.qualifier").entityList(String.class).get())
                .containsExactly("ALMOST");
        assertThat(in2018.path("figures.edges[?(@.node.value == 37000.0)].node.qualifierText").entityList(String.class).get())
                .containsExactly("fast");
        assertThat(in2018.path("figures.edges[*].node.region.key").entityList(String.class).get()).containsOnly("nrw");
        assertThat(in2018.path("figures.edges[?(@.node.value == 6000.0)].node.qualifier").entityList(String.class).get())
                .containsExactly("OVER");
        assertThat(in2018.path("figures.edges[*].node.statedBy.edges[*].node.key").entityList(String.class).get())
                .contains("christiane-schoenefeld");

        graphQl.document(query).variable("from", "2019").execute().path("figures.totalCount").entity(Integer.class).isEqualTo(0);
        var inDusseldorf = graphQl.document("{ figures(region: \"duesseldorf\", first: 50) { edges { node { region { key } } } } }")
                .execute().path("figures.edges[*].node.region.key").entityList(String.class).get();
        assertThat(inDusseldorf).isNotEmpty().containsOnly("duesseldorf");
        var stated = graphQl.document("{ person(id: \"christiane-schoenefeld\") { statements { edges { node { id } } } } }")
                .execute().path("person.statements.edges[*].node.id").entityList(String.class).get();
        assertThat(stated).contains("Figure:fig-ba-nrw-2018-vermittlungen-arbeit", "Figure:fig-ba-nrw-2018-vermittlungen-ausbildung");
        var counted = graphQl.document("""
                { region(id: "nrw") { figures(first: 50) { totalCount edges { node { key } } } }
                  organisation(id: "mais-nrw") { statements { totalCount edges { node { id } relationship { basis } } } } }""")
                .execute();
        assertThat(counted.path("region.figures.edges[*].node.key").entityList(String.class).get())
                .contains("fig-ba-nrw-2018-vermittlungen-arbeit", "fig-integrationsagenturen-anzahl-2015");
        assertThat(counted.path("organisation.statements.totalCount").entity(Integer.class).get()).isPositive();
        graphQl.document(query).variable("to", "2017-12").execute().path("figures.totalCount").entity(Integer.class).isEqualTo(0);

        var subject = in2018.path("figures.edges[0].node.about.id").entity(String.class).get();
        var aboutSubject = graphQl.document("query($s: String) { figures(subject: $s, first: 50) { edges { node { about { id } } } } }")
                .variable("s", subject).execute()
                .path("figures.edges[*].node.about.id").entityList(String.class).get();
        assertThat(aboutSubject).isNotEmpty().containsOnly(subject);
    }

    // ------------------------------------------------------------ provenance

    @Test
    void theRegionHierarchyCitesTheReferenceTableNotThePressDocuments() {
        var response = graphQl.document("""
                { regions(first: 100) { totalCount edges { node { key type
                    parents { edges { node { id } relationship { sources { key documentType } } } } } } } }""").execute();
        var regions = response.path("regions.edges[*].node")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() { }).get();
        assertThat(response.path("regions.totalCount").entity(Integer.class).get()).isLessThanOrEqualTo(100);
        var citedForHierarchy = response.path("regions.edges[?(@.node.type != 'VENUE')].node.parents.edges[*].relationship.sources[*].documentType")
                .entityList(String.class).get();
        assertThat(regions).hasSizeGreaterThan(70);
        assertThat(citedForHierarchy).isNotEmpty().containsOnly("REFERENCE_TABLE");
    }

    @Test
    void anEntryMergedFromTwoNamesIsMarkedAsAnInferredIdentity() {
        var response = graphQl.document("""
                { organisation(id: "lag-fw-nrw") { name aliases identity { basis names note sources { key } } } }""").execute();
        response.path("organisation.identity.basis").entity(String.class).isEqualTo("INFERRED");
        var names = response.path("organisation.identity.names").entityList(String.class).get();
        assertThat(names).hasSizeGreaterThanOrEqualTo(2)
                .contains("Arbeitsgemeinschaft der Spitzenverbände der Freien Wohlfahrtspflege NRW",
                        "Landarbeitsgemeinschaft der Freien Wohlfahrtspflege");
        assertThat(response.path("organisation.aliases").entityList(String.class).get())
                .contains("Landarbeitsgemeinschaft der Freien Wohlfahrtspflege");
        assertThat(response.path("organisation.identity.note").entity(String.class).get()).isNotBlank();
        assertThat(response.path("organisation.identity.sources[*].key").entityList(String.class).get())
                .contains("src-whkt-2019-06-26-ehrenamt-bewegt", S4);
        graphQl.document("{ organisation(id: \"dgb-nrw\") { identity { basis } } }").execute()
                .path("organisation.identity").valueIsNull();
    }

    @Test
    void inferredDatesAreMarkedAndBoundsKeepWindowsHonest() {
        var event = graphQl.document("""
                { event(id: "veranstaltung-duesseldorf-kreis-mettmann-2018-11-21") { date dateBasis dateNote } }""").execute();
        event.path("event.date").entity(String.class).isEqualTo("2018-11-21");
        event.path("event.dateBasis").entity(String.class).isEqualTo("INFERRED");
        assertThat(event.path("event.dateNote").entity(String.class).get()).isNotBlank();

        var summit = graphQl.document("{ event(id: \"erster-fluechtlingsgipfel-nrw\") { date notAfter dateBasis } }").execute();
        summit.path("event.date").valueIsNull();
        summit.path("event.notAfter").entity(String.class).isEqualTo("2015-03");
        var later = graphQl.document("{ events(from: \"2016\", first: 50) { edges { node { key } } } }").execute()
                .path("events.edges[*].node.key").entityList(String.class).get();
        var earlier = graphQl.document("{ events(to: \"2015-03\", first: 50) { edges { node { key } } } }").execute()
                .path("events.edges[*].node.key").entityList(String.class).get();
        assertThat(later).doesNotContain("erster-fluechtlingsgipfel-nrw").contains("tag-des-ehrenamtes-2019-06-26");
        assertThat(earlier).contains("erster-fluechtlingsgipfel-nrw").doesNotContain("tag-des-ehrenamtes-2019-06-26");

        var dortmund = graphQl.document("""
                { event(id: "regionalveranstaltung-westfaelisches-ruhrgebiet-2016-10") { date notBefore notAfter dateBasis } }""")
                .execute();
        dortmund.path("event.date").valueIsNull();
        dortmund.path("event.notBefore").entity(String.class).isEqualTo("2016-09");
        dortmund.path("event.notAfter").entity(String.class).isEqualTo("2016-10-19");
        var inOctober = graphQl.document("{ events(from: \"2016-10\", to: \"2016-10\") { edges { node { key } } } }").execute()
                .path("events.edges[*].node.key").entityList(String.class).get();
        var fromNovember = graphQl.document("{ events(from: \"2016-11\", to: \"2016-12\") { edges { node { key } } } }").execute()
                .path("events.edges[*].node.key").entityList(String.class).get();
        assertThat(inOctober).contains("regionalveranstaltung-westfaelisches-ruhrgebiet-2016-10");
        assertThat(fromNovember).doesNotContain("regionalveranstaltung-westfaelisches-ruhrgebiet-2016-10");

        var source = graphQl.document("{ source(id: \"" + S2 + "\") { documentType dateKind dateBasis dateNote } }").execute();
        source.path("source.documentType").entity(String.class).isEqualTo("NEWS_ITEM");
        source.path("source.dateKind").entity(String.class).isEqualTo("OCCASION");
        source.path("source.dateBasis").entity(String.class).isEqualTo("INFERRED");
        assertThat(source.path("source.dateNote").entity(String.class).get()).isNotBlank();
        var saved = graphQl.document("{ source(id: \"src-antz-2015-07-28-engagement-integration\") { documentType date dateKind dateBasis } }")
                .execute();
        saved.path("source.documentType").entity(String.class).isEqualTo("WEB_PAGE");
        saved.path("source.dateKind").entity(String.class).isEqualTo("SAVED");
        saved.path("source.dateBasis").entity(String.class).isEqualTo("STATED");
    }

    @Test
    void anEntityTheDocumentsOnlyImplyIsMarkedInferredWithANote() {
        var implied = graphQl.document("{ organisation(id: \"ihk-zu-dortmund\") { basis note } }").execute();
        implied.path("organisation.basis").entity(String.class).isEqualTo("INFERRED");
        assertThat(implied.path("organisation.note").entity(String.class).get()).isNotBlank();
        graphQl.document("{ organisation(id: \"dgb-nrw\") { basis } }").execute()
                .path("organisation.basis").entity(String.class).isEqualTo("STATED");
    }

    // ------------------------------------------------------------ asking is easy

    @Test
    void nameSearchIgnoresPunctuationAndSpacingAndFindsRegionAliases() {
        var gib = graphQl.document("{ organisations(name: \"GIB\") { edges { node { key shortName } } } }").execute()
                .path("organisations.edges[*].node.key").entityList(String.class).get();
        assertThat(gib).containsExactly("gib-nrw");
        var byAlias = graphQl.document("{ regions(name: \"Arbeitsmarktregion Dortmund\") { edges { node { key aliases } } } }")
                .execute();
        assertThat(byAlias.path("regions.edges[*].node.key").entityList(String.class).get())
                .containsExactly("amr-westfaelisches-ruhrgebiet");
        assertThat(byAlias.path("regions.edges[0].node.aliases").entityList(String.class).get())
                .contains("Arbeitsmarktregion Dortmund");
        var transliterated = graphQl.document("{ people(name: \"Schoenefeld\") { edges { node { key } } } regions(name: \"Koeln\") { edges { node { key } } } }")
                .execute();
        assertThat(transliterated.path("people.edges[*].node.key").entityList(String.class).get())
                .containsExactly("christiane-schoenefeld");
        assertThat(transliterated.path("regions.edges[*].node.key").entityList(String.class).get()).contains("koeln");
        var capital = graphQl.document("{ regions(name: \"landeshauptstadt-dusseldorf\") { edges { node { key } } } }")
                .execute().path("regions.edges[*].node.key").entityList(String.class).get();
        assertThat(capital).containsExactly("duesseldorf");
    }

    @Test
    void nestedListsTakeKindRoleAndSubregionFilters() {
        var response = graphQl.document("""
                { event(id: "tag-des-ehrenamtes-2019-06-26") {
                    all: participants(first: 50) { totalCount }
                    ministries: participants(kinds: [MINISTRY], first: 50) { totalCount edges { node { ... on Organisation { kind } } } }
                    signatories: participants(roles: [SIGNATORY], first: 50) { totalCount edges { relationship { role } } }
                  }
                  organisation(id: "whkt") { participations(roles: [SIGNATORY]) { edges { relationship { role } } } }
                }""").execute();
        int all = response.path("event.all.totalCount").entity(Integer.class).get();
        int ministries = response.path("event.ministries.totalCount").entity(Integer.class).get();
        assertThat(ministries).isBetween(5, all - 1);
        assertThat(response.path("event.ministries.edges[*].node.kind").entityList(String.class).get()).containsOnly("MINISTRY");
        assertThat(response.path("event.signatories.edges[*].relationship.role").entityList(String.class).get())
                .hasSizeGreaterThanOrEqualTo(20).containsOnly("SIGNATORY");
        assertThat(response.path("organisation.participations.edges[*].relationship.role").entityList(String.class).get())
                .isNotEmpty().containsOnly("SIGNATORY");

        var members = graphQl.document("""
                { organisation(id: "beirat-integration-fluechtlinge-arbeit-ausbildung") {
                    members(kinds: [MINISTRY], first: 50) { edges { node { ... on Organisation { kind } } } } } }""").execute()
                .path("organisation.members.edges[*].node.kind").entityList(String.class).get();
        assertThat(members).isNotEmpty().containsOnly("MINISTRY");

        var region = graphQl.document("""
                { region(id: "amr-westfaelisches-ruhrgebiet") {
                    own: located(first: 100) { totalCount }
                    inside: located(includeSubregions: true, first: 100) { totalCount edges { node { id } } }
                } }""").execute();
        assertThat(region.path("region.inside.edges[*].node.id").entityList(String.class).get())
                .contains("Organisation:jobcenter-dortmund", "Organisation:gruenbau-dortmund");
        assertThat(region.path("region.inside.totalCount").entity(Integer.class).get())
                .isGreaterThan(region.path("region.own.totalCount").entity(Integer.class).get());
    }

    @Test
    void aNameWithoutLettersOrDigitsIsABadRequestNotEverything() {
        graphQl.document("{ organisations(name: \"-.-\") { totalCount } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error ->
                        assertThat(error.getErrorType()).isEqualTo(org.springframework.graphql.execution.ErrorType.BAD_REQUEST)));
    }

    @Test
    void listsComeInTheOrderTheirDocStringsState() {
        var names = graphQl.document("{ organisations(first: 100) { edges { node { name } } } }").execute()
                .path("organisations.edges[*].node.name").entityList(String.class).get();
        assertThat(names).hasSizeGreaterThan(50)
                .isSortedAccordingTo(java.util.Comparator.comparing(org.partnernetz.graph.SearchText::fold));

        var events = graphQl.document("{ events(first: 50) { edges { node { date notBefore notAfter } } } }").execute()
                .path("events.edges[*].node")
                .entityList(new ParameterizedTypeReference<Map<String, String>>() { }).get();
        var keys = events.stream().map(DocumentedNetworkTests::sortDate).toList();
        assertThat(keys).hasSizeGreaterThan(5)
                .isSortedAccordingTo(java.util.Comparator.nullsLast(java.util.Comparator.<java.time.LocalDate>reverseOrder()));

        var parents = graphQl.document("{ region(id: \"ennepe-ruhr-kreis\") { parents { edges { node { ... on Region { name } } } } } }")
                .execute().path("region.parents.edges[*].node.name").entityList(String.class).get();
        assertThat(parents).hasSizeGreaterThanOrEqualTo(3)
                .isSortedAccordingTo(java.util.Comparator.comparing(org.partnernetz.graph.SearchText::fold));
    }

    /** An event's place in "newest first": its first day, or the bound known; null when undated. */
    private static java.time.LocalDate sortDate(Map<String, String> event) {
        if (event.get("date") != null) {
            return org.partnernetz.graph.PartialDate.parse(event.get("date")).first();
        }
        if (event.get("notBefore") != null) {
            return org.partnernetz.graph.PartialDate.parse(event.get("notBefore")).first();
        }
        return event.get("notAfter") == null ? null : org.partnernetz.graph.PartialDate.parse(event.get("notAfter")).last();
    }

    private static List<String> keys(HttpGraphQlTester.Response response, String connection) {
        return response.path(connection + ".edges[*].node.key").entityList(String.class).get();
    }

    private static List<String> publishers(HttpGraphQlTester.Response response, String sourceKey) {
        return response.path("sources.edges[?(@.node.key == '" + sourceKey + "')].node.publishedBy.edges[*].node.id")
                .entityList(String.class).get();
    }
}
