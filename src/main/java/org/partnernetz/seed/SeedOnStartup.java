package org.partnernetz.seed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Imports the seed when the hub starts, as {@link SeedProperties#mode()} says. A refused seed stops
 * the start with the list of problems, rather than serving a graph that silently lacks them.
 */
@Component
class SeedOnStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedOnStartup.class);

    private final SeedImporter importer;
    private final SeedProperties properties;

    SeedOnStartup(SeedImporter importer, SeedProperties properties) {
        this.importer = importer;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        switch (properties.mode()) {
            case NEVER -> log.info("Seed import is off (partnernetz.seed.mode=never)");
            case ALWAYS -> importer.importFrom(properties.location());
            case IF_EMPTY -> {
                if (importer.isEmpty()) {
                    importer.importFrom(properties.location());
                } else {
                    log.info("The graph already holds seed data; not importing (set partnernetz.seed.mode=always to re-import)");
                }
            }
        }
    }
}
