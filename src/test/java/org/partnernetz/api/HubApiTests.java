package org.partnernetz.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnernetz.graph.Nodes;
import org.partnernetz.support.QueryCounter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Every root field of the API, over HTTP, against the curated seed in a real Neo4j. Subclasses
 * choose the database: the embedded one, or a container where Docker runs.
 */
abstract class HubApiTests {

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    QueryCounter queries;

    // ------------------------------------------------------------ network

    @Test
    void partnersOfWestphalianRuhrAreTheOrganisationsTiedToDortmundHammAndKreisUnna() {
        var names = graphQl.documentName("partnersInRegion")
                .variable("region", "amr-westfaelisches-ruhrgebiet").variable("first", 100)
                .execute()
                .path("partners.edges[*].node.key").entityList(String.class).get();
        assertThat(names).contains(
                "regionalagentur-westfaelisches-ruhrgebiet", "ihk-zu-dortmund", "handwerkskammer-dortmund",
                "agentur-fuer-arbeit-dortmund", "jobcenter-dortmund", "jobcenter-hamm", "jobcenter-kreis-unna",
                "gruenbau-dortmund", "vmdo");
        assertThat(names).doesNotContain("stadt-duesseldorf", "jobcenter-duesseldorf", "whkt");
    }

    @Test
    void everyPartnerTieLeadsIntoTheQueriedRegionAndNamesItsSource() {
        var response = graphQl.documentName("partnersInRegion")
                .variable("region", "amr-westfaelisches-ruhrgebiet").variable("first", 100)
                .execute();
        var regions = response.path("partners.edges[*].ties[*].region.key").entityList(String.class).get();
        var inside = regionAndDescendants("amr-westfaelisches-ruhrgebiet");
        assertThat(inside).contains("dortmund", "hamm", "kreis-unna");
        assertThat(regions).isNotEmpty().allSatisfy(region -> assertThat(region).isIn(inside));
        var sources = response.path("partners.edges[*].ties[*].relationship.sources[*].key")
                .entityList(String.class).get();
        assertThat(sources).contains("src-mais-2016-10-19-dortmund");
    }

    @Test
    void aPartnerShowsTheFirstTiesAskedForAndHowManyItHas() {
        var edges = graphQl.document("""
                { partners(region: "nrw", first: 100) { edges {
                    tieCount
                    two: ties(first: 2) { kind region { key } through { id } }
                    usual: ties { kind region { key } through { id } }
                    all: ties(first: 100) { kind region { key } through { id } } } } }""")
                .execute()
                .path("partners.edges").entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).get();
        assertThat(edges).isNotEmpty();
        assertThat(edges).anySatisfy(edge -> assertThat((Integer) edge.get("tieCount")).isGreaterThan(2));
        for (var edge : edges) {
            int count = (Integer) edge.get("tieCount");
            var all = (List<?>) edge.get("all");
            assertThat(all).hasSize(Math.min(count, 100));
            assertThat((List<?>) edge.get("usual")).isEqualTo(all.subList(0, Math.min(count, 10)));
            assertThat((List<?>) edge.get("two")).isEqualTo(all.subList(0, Math.min(count, 2)));
        }
    }

    @Test
    void nestedListsRefuseMoreThanAPageHolds() {
        for (var document : List.of("{ partners(region: \"nrw\") { edges { ties(first: 101) { kind } } } }",
                "{ collaborations(region: \"nrw\") { edges { node { links(first: -1) { kind } } } } }")) {
            graphQl.document(document).execute()
                    .errors().satisfy(errors -> assertThat(errors).as(document).isNotEmpty().allSatisfy(error ->
                            assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST)));
        }
    }

    @Test
    void partnersCanBeFilteredByKindAndPaged() {
        var jobCentres = graphQl.documentName("partnersInRegion")
                .variable("region", "amr-westfaelisches-ruhrgebiet").variable("kinds", List.of("JOB_CENTRE"))
                .execute()
                .path("partners.edges[*].node.kind").entityList(String.class).get();
        assertThat(jobCentres).hasSize(3).containsOnly("JOB_CENTRE");

        var firstPage = graphQl.documentName("partnersInRegion").variable("region", "nrw").variable("first", 5)
                .execute();
        var total = firstPage.path("partners.totalCount").entity(Integer.class).get();
        var firstKeys = firstPage.path("partners.edges[*].node.key").entityList(String.class).get();
        var cursor = firstPage.path("partners.pageInfo.endCursor").entity(String.class).get();
        var secondKeys = graphQl.documentName("partnersInRegion").variable("region", "nrw").variable("first", 5)
                .variable("after", cursor)
                .execute()
                .path("partners.edges[*].node.key").entityList(String.class).get();
        assertThat(total).isGreaterThan(10);
        assertThat(firstKeys).hasSize(5);
        assertThat(secondKeys).hasSize(5).doesNotContainAnyElementsOf(firstKeys);
    }

    @Test
    void collaborationsInDusseldorfPairTheThreePartnersOfTheModelProject() {
        var pairs = graphQl.documentName("collaborationsInRegion").variable("region", "duesseldorf")
                .variable("first", 100)
                .execute()
                .path("collaborations.edges[*].node")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() { }).get();
        var throughModelProject = pairs.stream()
                .filter(pair -> links(pair).stream().anyMatch(link ->
                        "Project:ausbildung-chance-duesseldorf".equals(((Map<?, ?>) link.get("through")).get("id"))
                                && "SAME_PROJECT".equals(link.get("kind"))))
                .map(pair -> key(pair, "organisationA") + "+" + key(pair, "organisationB"))
                .toList();
        assertThat(throughModelProject).containsExactlyInAnyOrder(
                "jobcenter-duesseldorf+jugendberufshilfe-duesseldorf",
                "jobcenter-duesseldorf+stadt-duesseldorf",
                "jugendberufshilfe-duesseldorf+stadt-duesseldorf");
    }

    @Test
    void collaborationsRespectTheTimeWindow() {
        var before = graphQl.documentName("collaborationsInRegion").variable("region", "duesseldorf").variable("to", "2016")
                .execute()
                .path("collaborations.edges[*].node.links[*].through.id").entityList(String.class).get();
        var during = graphQl.documentName("collaborationsInRegion").variable("region", "duesseldorf")
                .variable("from", "2018-03").variable("to", "2018-09")
                .execute()
                .path("collaborations.edges[*].node.links[*].through.id").entityList(String.class).get();
        assertThat(before).doesNotContain("Project:ausbildung-chance-duesseldorf");
        assertThat(during).contains("Project:ausbildung-chance-duesseldorf");
    }

    @Test
    void collaborationsOfOneOrganisationIncludeItsCouncilPeers() {
        var pairs = graphQl.documentName("collaborationsInRegion").variable("organisation", "whkt").variable("first", 100)
                .execute()
                .path("collaborations.edges[*].node")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() { }).get();
        var peers = pairs.stream()
                .map(pair -> "whkt".equals(key(pair, "organisationA")) ? key(pair, "organisationB") : key(pair, "organisationA"))
                .toList();
        assertThat(peers).contains("ihk-nrw", "dgb-nrw", "bamf");
        assertThat(pairs).allSatisfy(pair -> assertThat(List.of(key(pair, "organisationA"), key(pair, "organisationB")))
                .contains("whkt"));
    }

    // ------------------------------------------------------------ lookups and lists

    @Test
    void organisationBySlugShowsItsFactsRelationshipsAndSources() {
        var response = graphQl.documentName("organisationDetails").variable("id", "whkt").execute();
        response.path("organisation.id").entity(String.class).isEqualTo("Organisation:whkt");
        response.path("organisation.name").entity(String.class).isEqualTo("Westdeutscher Handwerkskammertag");
        response.path("organisation.kind").entity(String.class).isEqualTo("CRAFTS_ORGANISATION");
        response.path("organisation.shortName").entity(String.class).isEqualTo("WHKT");
        var councils = response.path("organisation.memberOf.edges[*].node.id").entityList(String.class).get();
        assertThat(councils).contains("Organisation:beirat-integration-fluechtlinge-arbeit-ausbildung");
        var memberOfBeirat = response.path("organisation.memberOf.edges[?(@.node.id == 'Organisation:beirat-integration-fluechtlinge-arbeit-ausbildung')].relationship.basis")
                .entityList(String.class).get();
        assertThat(memberOfBeirat).containsExactly("STATED");
        assertThat(response.path("organisation.sources.edges[*].node.key").entityList(String.class).get())
                .contains("src-whkt-2019-06-26-ehrenamt-bewegt");
        assertThat(response.path("organisation.descriptionEn").entity(String.class).get()).isNotBlank()
                .isNotEqualTo(response.path("organisation.description").entity(String.class).get());
    }

    @Test
    void organisationByGlobalIdAndBySlugAreTheSame() {
        var bySlug = graphQl.document("{ organisation(slug: \"ihk-nrw\") { id name } }").execute()
                .path("organisation.id").entity(String.class).get();
        graphQl.document("{ organisation(id: \"" + bySlug + "\") { name } }").execute()
                .path("organisation.name").entity(String.class).isEqualTo("IHK NRW e. V.");
        graphQl.document("{ organisation(slug: \"no-such-organisation\") { name } }").execute()
                .path("organisation").valueIsNull();
    }

    @Test
    void organisationsFilterByNameIgnoringCaseAndDiacritics() {
        var names = graphQl.document("{ organisations(name: \"grunbau\") { totalCount edges { node { name } } } }")
                .execute().path("organisations.edges[*].node.name").entityList(String.class).get();
        assertThat(names).singleElement().asString().contains("GrünBau");
        var byAlias = graphQl.document("{ organisations(name: \"dgb nrw\") { edges { node { key } } } }")
                .execute().path("organisations.edges[*].node.key").entityList(String.class).get();
        assertThat(byAlias).contains("dgb-nrw");
        var ministries = graphQl.document("{ organisations(kinds: [MINISTRY], first: 50) { totalCount edges { node { kind } } } }")
                .execute().path("organisations.edges[*].node.kind").entityList(String.class).get();
        assertThat(ministries).hasSizeGreaterThanOrEqualTo(6).containsOnly("MINISTRY");
    }

    @Test
    void nodeRefetchesAnyObjectByGlobalId() {
        graphQl.document("{ node(id: \"Project:ausbildung-chance-duesseldorf\") { id ... on Project { name kind since } } }")
                .execute()
                .path("node.name").entity(String.class).isEqualTo("Ausbildung, Chance – Düsseldorf")
                .path("node.kind").entity(String.class).isEqualTo("MODEL_PROJECT")
                .path("node.since").entity(String.class).isEqualTo("2017");
        graphQl.document("{ node(id: \"Person:christiane-schoenefeld\") { ... on Person { name } } }").execute()
                .path("node.name").entity(String.class).isEqualTo("Christiane Schönefeld");
        graphQl.document("{ node(id: \"Region:no-such-region\") { id } }").execute().path("node").valueIsNull();
    }

    @Test
    void projectShowsItsPartnersWithRoles() {
        var response = graphQl.document("""
                { project(slug: "ausbildung-chance-duesseldorf") {
                    participants { totalCount edges { node { id } relationship { role basis since } } }
                    regions { edges { node { ... on Region { key } } } }
                } }""").execute();
        assertThat(response.path("project.participants.edges[*].node.id").entityList(String.class).get())
                .containsExactlyInAnyOrder("Organisation:jobcenter-duesseldorf", "Organisation:jugendberufshilfe-duesseldorf",
                        "Organisation:stadt-duesseldorf");
        assertThat(response.path("project.participants.edges[*].relationship.role").entityList(String.class).get())
                .containsOnly("PARTNER");
        assertThat(response.path("project.regions.edges[*].node.key").entityList(String.class).get()).contains("duesseldorf");
    }

    @Test
    void projectsFilterByKind() {
        var kinds = graphQl.document("{ projects(kinds: [MODEL_PROJECT, LAW]) { edges { node { key kind } } } }").execute()
                .path("projects.edges[*].node.key").entityList(String.class).get();
        assertThat(kinds).contains("ausbildung-chance-duesseldorf", "teilhabe-und-integrationsgesetz-nrw")
                .doesNotContain("landesaktion-nrw-das-machen-wir");
    }

    @Test
    void eventsAreDatedAndFilteredByTimeWindow() {
        var in2019 = graphQl.document("{ events(from: \"2019\", to: \"2019\") { edges { node { key date } } } }").execute()
                .path("events.edges[*].node.key").entityList(String.class).get();
        assertThat(in2019).contains("tag-des-ehrenamtes-2019-06-26")
                .doesNotContain("fachtagung-integrationsagenturen-koeln-2015-11-05");
        var event = graphQl.document("""
                { event(id: "fachtagung-integrationsagenturen-koeln-2015-11-05") {
                    date kind
                    participants { edges { node { id } relationship { role } } }
                    regions { edges { node { ... on Region { key } } } }
                } }""").execute();
        event.path("event.date").entity(String.class).isEqualTo("2015-11-05");
        assertThat(event.path("event.participants.edges[?(@.relationship.role == 'ORGANISER')].node.id")
                .entityList(String.class).get())
                .contains("Organisation:mais-nrw", "Organisation:lag-fw-nrw");
        assertThat(event.path("event.regions.edges[*].node.key").entityList(String.class).get()).contains("koeln");
    }

    @Test
    void peopleHaveRolesWithDates() {
        var names = graphQl.document("{ people(name: \"guler\") { edges { node { name } } } }").execute()
                .path("people.edges[*].node.name").entityList(String.class).get();
        assertThat(names).containsExactly("Serap Güler");
        var roles = graphQl.document("""
                { person(slug: "christiane-schoenefeld") {
                    roles { edges { node { id } relationship { role asOf } } }
                } }""").execute();
        assertThat(roles.path("person.roles.edges[*].node.id").entityList(String.class).get())
                .contains("Organisation:ba-regionaldirektion-nrw");
        assertThat(roles.path("person.roles.edges[*].relationship.role").entityList(String.class).get())
                .anySatisfy(role -> assertThat(role).contains("Vorsitzende der Geschäftsführung"));
    }

    @Test
    void regionsAreFoundByNameAndFormAHierarchy() {
        var found = graphQl.document("{ regions(name: \"dusseldorf\") { edges { node { key type ags } } } }").execute()
                .path("regions.edges[*].node.key").entityList(String.class).get();
        assertThat(found).contains("duesseldorf", "rb-duesseldorf");
        var region = graphQl.document("""
                { region(slug: "%s") {
                    type
                    children(first: 50) { edges { node { ... on Region { key } } } }
                    parents { edges { node { ... on Region { key } } } }
                } }""".formatted(slugOf("amr-westfaelisches-ruhrgebiet"))).execute();
        region.path("region.type").entity(String.class).isEqualTo("LABOUR_MARKET_REGION");
        assertThat(region.path("region.children.edges[*].node.key").entityList(String.class).get())
                .containsExactlyInAnyOrder("dortmund", "hamm", "kreis-unna");
        assertThat(region.path("region.parents.edges[*].node.key").entityList(String.class).get()).containsExactly("nrw");
        var districts = graphQl.document("{ regions(types: [DISTRICT, DISTRICT_FREE_CITY], first: 100) { totalCount } }")
                .execute().path("regions.totalCount").entity(Integer.class).get();
        assertThat(districts).isEqualTo(53);
    }

    @Test
    void aDistrictInTwoLabourMarketRegionsBelongsToBothInPart() {
        var parents = graphQl.document("""
                { regions(name: "Ennepe-Ruhr") { edges { node {
                    ags
                    parents { edges { node { ... on Region { key type } } relationship { partial } } }
                } } } }""").execute();
        parents.path("regions.edges[0].node.ags").entity(String.class).isEqualTo("05954");
        assertThat(parents.path("regions.edges[0].node.parents.edges[?(@.relationship.partial == true)].node.type")
                .entityList(String.class).get())
                .containsExactly("LABOUR_MARKET_REGION", "LABOUR_MARKET_REGION");
    }

    @Test
    void sourcesListTheDocumentsAndWhatTheyMention() {
        var response = graphQl.document("{ sources(first: 50) { totalCount edges { node { key title publisher date dateKind documentType file } } } }")
                .execute();
        var files = response.path("sources.edges[*].node.file").entityList(String.class).get();
        assertThat(files).filteredOn(file -> file.startsWith("seeds/")).hasSize(5);
        var mentions = graphQl.document("""
                { source(id: "src-mais-2016-10-19-dortmund") { title mentions(first: 100) { totalCount edges { node { id } } } } }""")
                .execute().path("source.mentions.edges[*].node.id").entityList(String.class).get();
        assertThat(mentions).contains("Person:rainer-schmeltzer", "Organisation:gruenbau-dortmund", "Region:dortmund");
    }

    @Test
    void figuresCarryValuesAndSources() {
        var figures = graphQl.document("""
                { organisation(id: "integrationsagenturen-nrw") {
                    figures { edges { node { metric value unit qualifier sources { edges { node { key } } } } } }
                    fundingReceived { edges { node { id } relationship { amount currency period since basis } } }
                } }""").execute();
        assertThat(figures.path("organisation.figures.edges[*].node.value").entityList(Double.class).get()).contains(163.0);
        assertThat(figures.path("organisation.fundingReceived.edges[*].relationship.amount").entityList(Double.class).get())
                .contains(8_300_000.0);
    }

    // ------------------------------------------------------------ errors and limits

    @Test
    void malformedIdIsABadRequest() {
        graphQl.document("{ node(id: \"not-a-global-id\") { id } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(error.getMessage()).contains("Organisation:whkt");
                }));
        graphQl.document("{ node(id: \"Planet:earth\") { id } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST)));
    }

    @Test
    void unknownRegionIsNotFound() {
        for (var document : List.of("{ partners(region: \"atlantis\") { totalCount } }",
                "{ collaborations(region: \"atlantis\") { totalCount } }",
                "{ collaborations(organisation: \"atlantis\") { totalCount } }")) {
            graphQl.document(document).execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                        assertThat(error.getErrorType()).isEqualTo(ErrorType.NOT_FOUND);
                        assertThat(error.getMessage()).contains("atlantis");
                    }));
        }
    }

    @Test
    void aRegionWithoutMatchingPartnersHasAnEmptyPage() {
        for (var document : List.of("{ partners(region: \"nrw\", kinds: []) { totalCount edges { node { key } } } }",
                "{ partners(region: \"nrw\", kinds: []) { totalCount edges { tieCount ties { kind } } } }")) {
            graphQl.document(document).execute().errors().verify()
                    .path("partners.totalCount").entity(Integer.class).isEqualTo(0)
                    .path("partners.edges").entityList(Object.class).hasSize(0);
        }
    }

    @Test
    void aPageReadsTheSourcesItShowsAlongWithItself() {
        int partners = queries.countDuring(() -> graphQl.documentName("partnersInRegion").variable("region", "nrw")
                .variable("first", 20).execute()
                .path("partners.edges[*].ties[*].relationship.sources[*].key").entityList(String.class)
                .hasSizeGreaterThan(0));
        // The region resolved, the page, its ties and their sources: one query.
        assertThat(partners).isEqualTo(1);
        int collaborations = queries.countDuring(() -> {
            var page = graphQl.documentName("collaborationsInRegion").variable("region", "nrw").variable("first", 20)
                    .execute();
            page.path("collaborations.edges[*].node.links[*].sources[*].key").entityList(String.class)
                    .hasSizeGreaterThan(0);
            // Every link shown comes with the project, event or council it runs through.
            int links = page.path("collaborations.edges[*].node.links[*].kind").entityList(String.class).get().size();
            page.path("collaborations.edges[*].node.links[*].through.id").entityList(String.class).hasSize(links);
        });
        int withoutSources = queries.countDuring(() -> graphQl.document("""
                { collaborations(region: "nrw", first: 20) { edges { node { weight links { kind } } } } }""")
                .execute().path("collaborations.edges").entityList(Object.class).hasSizeGreaterThan(0));
        // The links' sources come with the page's organisations and contexts: no query of their own.
        assertThat(collaborations).isEqualTo(withoutSources);

        // In a time window the pairs are chosen first (the seed's fit in one chunk of the rank
        // index); then one query reads what the page shows, whether it shows links or not. (A page
        // of 3 ends among the pairs with two links or more; one reaching the single-link pairs reads those too.)
        int windowed = queries.countDuring(() -> {
            var page = graphQl.document("""
                    { collaborations(region: "nrw", from: "2016", to: "2018", first: 3) {
                        edges { node { weight links { kind through { id } sources { key } } } } } }""").execute();
            int links = page.path("collaborations.edges[*].node.links[*].kind").entityList(String.class)
                    .hasSizeGreaterThan(0).get().size();
            page.path("collaborations.edges[*].node.links[*].through.id").entityList(String.class).hasSize(links);
        });
        int windowedWithoutLinks = queries.countDuring(() -> graphQl.document("""
                { collaborations(region: "nrw", from: "2016", to: "2018", first: 3) {
                    edges { node { weight organisationA { name } } } } }""")
                .execute().path("collaborations.edges").entityList(Object.class).hasSizeGreaterThan(0));
        assertThat(windowed).isEqualTo(collaborations + 1).isEqualTo(windowedWithoutLinks);
    }

    @Test
    void aPageThatShowsOnlyNamesReadsNamesAndOneThatShowsMoreGetsIt() {
        // Names only: the organisations and contexts are read as their names, not whole.
        var names = readingObjects(true, """
                { collaborations(region: "nrw", first: 20) { edges { node {
                    organisationA { id key name shortName } organisationB { name }
                    links(first: 3) { through { __typename id ... on Project { name } } } } } } }""", "n");
        // The same page asking for more of them reads them whole.
        var more = readingObjects(false, """
                { collaborations(region: "nrw", first: 20) { edges { node {
                    organisationA { id key name shortName description aliases } organisationB { name }
                    links(first: 3) { through { __typename id ... on Project { name description } } } } } } }""", "n");
        sameAt(names, more, List.of("collaborations.edges[*].node.organisationA.id",
                "collaborations.edges[*].node.organisationA.name", "collaborations.edges[*].node.organisationB.name",
                "collaborations.edges[*].node.links[*].through.id", "collaborations.edges[*].node.links[*].through.__typename"));
        allNotBlank(names, "collaborations.edges[*].node.organisationA.name");
        someNotBlank(more, "collaborations.edges[*].node.organisationA.description");
        someNotBlank(more, "collaborations.edges[*].node.links[*].through.description");
    }

    @Test
    void aPartnersPageThatShowsOnlyNamesReadsNamesAndOneThatShowsMoreGetsIt() {
        // Names only: the organisations, the ties' regions and their projects or events.
        var names = readingObjects(true, """
                { partners(region: "nrw", first: 20) { edges { node { id key name kind }
                    ties(first: 5) { region { key name } through { __typename id ... on Project { name } } } } } }""",
                "o", "r", "x");
        var more = readingObjects(false, """
                { partners(region: "nrw", first: 20) { edges { node { id key name kind description }
                    ties(first: 5) { region { key name type } through { __typename id ... on Project { name description } } } } } }""",
                "o", "r", "x");
        sameAt(names, more, List.of("partners.edges[*].node.id", "partners.edges[*].node.name",
                "partners.edges[*].ties[*].region.key", "partners.edges[*].ties[*].region.name",
                "partners.edges[*].ties[*].through.id", "partners.edges[*].ties[*].through.__typename"));
        allNotBlank(names, "partners.edges[*].ties[*].region.name");
        someNotBlank(more, "partners.edges[*].node.description");
        allNotBlank(more, "partners.edges[*].ties[*].region.type");
        someNotBlank(more, "partners.edges[*].ties[*].through.description");
    }

    /**
     * Runs {@code document} and checks, in the Cypher it sent, how its page read the objects bound to
     * {@code variables}: by their names ({@link Nodes#NAMES_OF}) when {@code byNames}, else whole.
     */
    private GraphQlTester.Response readingObjects(boolean byNames, String document, String... variables) {
        var response = new GraphQlTester.Response[1];
        var texts = queries.textsDuring(() -> response[0] = graphQl.document(document).execute());
        for (var variable : variables) {
            var names = Nodes.NAMES_OF.formatted(variable);
            if (byNames) {
                assertThat(texts).as("a query reading %s by its names", variable).anyMatch(text -> text.contains(names));
            } else {
                assertThat(texts).as("no query reading %s by its names", variable).noneMatch(text -> text.contains(names));
            }
        }
        return response[0];
    }

    /** The values at each path: some, and the same in both answers. */
    private static void sameAt(GraphQlTester.Response names, GraphQlTester.Response more, List<String> paths) {
        for (var path : paths) {
            var named = names.path(path).entityList(String.class).hasSizeGreaterThan(0).get();
            more.path(path).entityList(String.class).isEqualTo(named);
        }
    }

    private static void allNotBlank(GraphQlTester.Response response, String path) {
        response.path(path).entityList(String.class).satisfies(list -> assertThat(list).isNotEmpty()
                .allSatisfy(text -> assertThat(text).as(path).isNotBlank()));
    }

    private static void someNotBlank(GraphQlTester.Response response, String path) {
        response.path(path).entityList(String.class)
                .satisfies(list -> assertThat(list).as(path).anySatisfy(text -> assertThat(text).isNotBlank()));
    }

    @Test
    void badArgumentsAreBadRequests() {
        for (var document : List.of(
                "{ collaborations(from: \"2016-13\") { totalCount } }",
                "{ organisations(first: 1000) { totalCount } }",
                "{ organisations(after: \"bogus\") { totalCount } }",
                "{ organisation(id: \"whkt\", slug: \"whkt\") { name } }")) {
            graphQl.document(document).execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement()
                            .satisfies(error -> assertThat(error.getErrorType()).as(document).isEqualTo(ErrorType.BAD_REQUEST)));
        }
    }

    @Test
    void overDeepQueryIsRefused() {
        var deep = new StringBuilder("{ organisation(id: \"whkt\") { ");
        for (int level = 0; level < 9; level++) {
            deep.append(level % 2 == 0 ? "memberOf" : "members").append("(first: 1) { edges { node { ... on Organisation { ");
        }
        deep.append("id").append(" } } } }".repeat(9)).append(" } }");
        graphQl.document(deep.toString()).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(error.getMessage()).contains("levels deep");
                }))
                .path("organisation").pathDoesNotExist();
    }

    @Test
    void overLargeQueryIsRefused() {
        graphQl.document("{ organisations(first: 100) { edges { node { participations(first: 100) { edges { node {"
                        + " ... on Project { participants(first: 100) { edges { node { id } } } } } } } } } } }")
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(error.getMessage()).contains("at most 25000");
                }));
    }

    @Test
    void schemaQueriesOfGraphQlToolsAreNotRefusedByTheLimits() {
        // The whole schema is larger than the test client's default buffer (256 kB).
        graphQl.mutate().webTestClient(client -> client.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 << 20)))
                .build().document(graphql.introspection.IntrospectionQuery.INTROSPECTION_QUERY).execute()
                .path("__schema.queryType.name").entity(String.class).isEqualTo("Query")
                .path("__schema.types[*].name").entityList(String.class).contains("Organisation", "Collaboration");
    }

    // ------------------------------------------------------------ batch loading

    @Test
    void roundTripsDoNotGrowWithTheNumberOfResults() {
        int forOne = queries.countDuring(() -> graphQl.documentName("nestedPartners").variable("first", 1).execute()
                .path("partners.edges").entityList(Object.class).hasSize(1));
        int forTwenty = queries.countDuring(() -> graphQl.documentName("nestedPartners").variable("first", 20).execute()
                .path("partners.edges").entityList(Object.class).hasSize(20));
        int forFifty = queries.countDuring(() -> graphQl.documentName("nestedPartners").variable("first", 50).execute()
                .path("partners.edges").entityList(Object.class).hasSize(50));
        // The page (1), one query for each of its six batch-loaded list fields, and one for the source
        // documents those cite, whatever the page size. The page's own query brings the sources its
        // ties cite; when those are all the lists cite too, the source query is not needed.
        int perListFieldAndLevel = 1 + 6 + 1;
        assertThat(List.of(forOne, forTwenty, forFifty))
                .allSatisfy(count -> assertThat(count).isBetween(perListFieldAndLevel - 1, perListFieldAndLevel));
        // A larger page never takes more: at most it finds every cited source among what it read.
        assertThat(forTwenty).isLessThanOrEqualTo(forOne);
        assertThat(forFifty).isLessThanOrEqualTo(forTwenty);
    }

    private static List<Map<String, Object>> links(Map<String, Object> pair) {
        @SuppressWarnings("unchecked")
        var links = (List<Map<String, Object>>) pair.get("links");
        return links;
    }

    private static String key(Map<String, Object> pair, String side) {
        return (String) ((Map<?, ?>) pair.get(side)).get("key");
    }

    private List<String> regionAndDescendants(String regionKey) {
        var found = new java.util.ArrayList<String>(List.of(regionKey));
        for (int i = 0; i < found.size(); i++) {
            found.addAll(graphQl.document("{ region(id: \"" + found.get(i) + "\") { children(first: 100) { edges { node { ... on Region { key } } } } } }")
                    .execute().path("region.children.edges[*].node.key").entityList(String.class).get());
        }
        return found;
    }

    private String slugOf(String regionKey) {
        return graphQl.document("{ region(id: \"" + regionKey + "\") { slug } }").execute()
                .path("region.slug").entity(String.class).get();
    }
}
