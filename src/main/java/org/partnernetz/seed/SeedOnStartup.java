package org.partnernetz.seed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Imports the seed when the hub starts, as {@link SeedProperties#mode()} says, before the web server
 * opens its port: until the first import has finished, a client's connection is refused rather than
 * answered with empty lists. (Spring Boot starts the web server in a lifecycle phase after this
 * one.) A refused seed stops the start with the list of problems, rather than serving a graph that
 * silently lacks them. {@link SeedImporting} is published when an import begins, {@link SeedReady}
 * when the seed is in place.
 */
@Component
class SeedOnStartup implements SmartLifecycle {

    /** Well before the web server's phase ({@code Integer.MAX_VALUE - 2048} and above). */
    static final int PHASE = 0;

    private static final Logger log = LoggerFactory.getLogger(SeedOnStartup.class);

    private final SeedImporter importer;
    private final SeedProperties properties;
    private final ApplicationEventPublisher events;
    private volatile boolean running;

    SeedOnStartup(SeedImporter importer, SeedProperties properties, ApplicationEventPublisher events) {
        this.importer = importer;
        this.properties = properties;
        this.events = events;
    }

    @Override
    public void start() {
        switch (properties.mode()) {
            case NEVER -> log.info("Seed import is off (partnernetz.seed.mode=never)");
            case ALWAYS -> importSeed();
            case IF_EMPTY -> {
                if (importer.lacksSeed()) {
                    importSeed();
                } else {
                    log.info("The graph already holds the seed; not importing (set partnernetz.seed.mode=always to re-import)");
                }
            }
        }
        running = true;
        events.publishEvent(new SeedReady(properties.mode()));
    }

    private void importSeed() {
        events.publishEvent(new SeedImporting(properties.location()));
        importer.importFrom(properties.location());
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** An import of the seed at {@code location} begins. */
    public record SeedImporting(String location) {
    }

    /** The seed is in place (imported now, or already there); the hub is about to accept requests. */
    public record SeedReady(SeedProperties.Mode mode) {
    }
}
