package org.partnernetz.seed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Imports the seed when the hub starts, as {@link SeedProperties#mode()} says, once the web server
 * and the management server are open (their lifecycle phases come first): the hub is live, and its
 * readiness is down ({@code seed} OUT_OF_SERVICE) until the import has finished, while GraphQL and
 * the exports answer 503 with a classified UNAVAILABLE error ({@link SeedGate}) rather than empty
 * lists. A refused seed stops the start with the list of problems, rather than serving a graph that
 * silently lacks them. {@link SeedImporting} is published when an import begins, {@link SeedReady}
 * when the seed is in place.
 */
@Component
class SeedOnStartup implements SmartLifecycle {

    /**
     * After the web server ({@code Integer.MAX_VALUE - 2048}) and the management server
     * ({@code Integer.MAX_VALUE - 1536}), before the hub's background work (the default phase, last).
     */
    static final int PHASE = Integer.MAX_VALUE - 1024;

    private static final Logger log = LoggerFactory.getLogger(SeedOnStartup.class);

    private final SeedImporter importer;
    private final SeedProperties properties;
    private final ApplicationEventPublisher events;
    private volatile boolean running;
    private volatile String importing;
    private volatile boolean ready;

    SeedOnStartup(SeedImporter importer, SeedProperties properties, ApplicationEventPublisher events) {
        this.importer = importer;
        this.properties = properties;
        this.events = events;
    }

    /** Whether the seed is in place (imported, found, or not wanted), so that requests may be served. */
    boolean ready() {
        return ready;
    }

    /** The location being imported, or null. */
    String importing() {
        return importing;
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
        ready = true;
        events.publishEvent(new SeedReady(properties.mode()));
    }

    private void importSeed() {
        // Alive while it imports (a liveness probe must not restart it); ready only afterwards.
        AvailabilityChangeEvent.publish(events, this, LivenessState.CORRECT);
        importing = properties.location();
        events.publishEvent(new SeedImporting(properties.location()));
        try {
            importer.importFrom(properties.location());
        } finally {
            importing = null;
        }
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
