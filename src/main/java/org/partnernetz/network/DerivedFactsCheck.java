package org.partnernetz.network;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Whether the derived facts in the database are what a full rebuild derives from its base facts:
 * after a crash, a restore or an upgrade, the incremental path may not be trusted on faith.
 * {@code --partnernetz.check-derived} on the command line: after the start (and the seed import,
 * if the seed mode makes one), takes the fingerprint of the derived facts ({@link DerivedFacts}),
 * runs both full rebuilds, takes it again, prints both digests and the first differences, and exits
 * with 0 when they are equal, 1 when not. The rebuild stays: the check also repairs.
 *
 * <p>To check what is on disk, start it with {@code --partnernetz.seed.mode=never}: an import would
 * rebuild the derived facts before the check sees them.
 */
@Component
class DerivedFactsCheck implements ApplicationRunner {

    static final String OPTION = "partnernetz.check-derived";

    /** The differences a report shows at most, and the characters of each. */
    private static final int SHOWN = 20;
    private static final int WIDTH = 400;

    private static final Logger log = LoggerFactory.getLogger(DerivedFactsCheck.class);

    private final Neo4jClient neo4j;
    private final PartnerDerivation partners;
    private final CollaborationDeriver collaborations;
    private final Environment environment;
    private final ConfigurableApplicationContext context;

    DerivedFactsCheck(Neo4jClient neo4j, PartnerDerivation partners, CollaborationDeriver collaborations,
            Environment environment, ConfigurableApplicationContext context) {
        this.neo4j = neo4j;
        this.partners = partners;
        this.collaborations = collaborations;
        this.environment = environment;
        this.context = context;
    }

    /** The fingerprints before and after a full rebuild, and what differs. */
    record Result(DerivedFacts before, DerivedFacts after, List<String> onlyBefore, List<String> onlyAfter,
            long rebuildMillis) {

        boolean equal() {
            return before.digest().equals(after.digest());
        }

        /** The report, line by line. */
        List<String> report() {
            var lines = new ArrayList<String>();
            lines.add("derived facts in the database: sha256 " + before.digest() + " (" + before.summary() + ")");
            lines.add("after a full rebuild:          sha256 " + after.digest() + " (" + after.summary() + ")");
            lines.add("full rebuild took " + rebuildMillis + " ms");
            lines.add("derived facts equal a full rebuild: " + (equal() ? "yes" : "no"));
            if (!equal()) {
                lines.add("lines only in the database: " + onlyBefore.size() + "; only after the rebuild: "
                        + onlyAfter.size() + "; the first of each:");
                onlyBefore.stream().limit(SHOWN).forEach(line -> lines.add("- " + shortened(line)));
                onlyAfter.stream().limit(SHOWN).forEach(line -> lines.add("+ " + shortened(line)));
            }
            return lines;
        }

        private static String shortened(String line) {
            return line.length() <= WIDTH ? line : line.substring(0, WIDTH) + " ...";
        }
    }

    /** Fingerprints the derived facts, rebuilds them in full, and compares; must run outside any transaction. */
    Result check() {
        var before = DerivedFacts.of(neo4j);
        long started = System.nanoTime();
        partners.rebuild();
        collaborations.rebuild("check-derived/" + UUID.randomUUID());
        long rebuildMillis = (System.nanoTime() - started) / 1_000_000;
        var after = DerivedFacts.of(neo4j);
        var onlyBefore = new TreeSet<>(before.lines());
        after.lines().forEach(onlyBefore::remove);
        var onlyAfter = new TreeSet<>(after.lines());
        before.lines().forEach(onlyAfter::remove);
        return new Result(before, after, List.copyOf(onlyBefore), List.copyOf(onlyAfter), rebuildMillis);
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (!arguments.containsOption(OPTION)) {
            return;
        }
        var seedMode = environment.getProperty("partnernetz.seed.mode", "if-empty");
        log.info("Checking the derived facts against a full rebuild (seed mode {})", seedMode);
        var result = check();
        System.out.println();
        System.out.println("seed mode at this start: " + seedMode + ("never".equalsIgnoreCase(seedMode) ? ""
                : " (an import at this start rebuilds the derived facts before the check;"
                        + " --partnernetz.seed.mode=never checks what is on disk)"));
        result.report().forEach(System.out::println);
        System.out.println();
        int status = result.equal() ? 0 : 1;
        System.exit(SpringApplication.exit(context, () -> status));
    }
}
