package org.partnernetz.seed;

import java.nio.file.Path;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code --partnernetz.export=DIR} on the command line: the hub starts (importing the seed first if
 * it would anyway), writes the whole graph into DIR in the {@code graph-seed/} format
 * ({@link SeedExporter}) and exits, so a backup is one command and the option is not left in a
 * start command. Runs after the seed import (after the context has started), like the first admin.
 */
@Component
class ExportOnCommandLine implements ApplicationRunner {

    static final String OPTION = "partnernetz.export";

    private final SeedExporter exporter;
    private final ConfigurableApplicationContext context;

    ExportOnCommandLine(SeedExporter exporter, ConfigurableApplicationContext context) {
        this.exporter = exporter;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (!arguments.containsOption(OPTION)) {
            return;
        }
        var values = arguments.getOptionValues(OPTION);
        if (values.isEmpty() || values.getFirst().isBlank()) {
            throw new IllegalArgumentException("--" + OPTION + " needs a directory: --" + OPTION + "=DIR");
        }
        var directory = Path.of(values.getFirst().strip()).toAbsolutePath();
        var exported = exporter.writeTo(directory);
        System.out.println();
        System.out.println("Exported the graph to " + directory + ": " + exported.counts());
        System.out.println();
        exit(0);
    }

    /** Ends the process once the export is written (a test overrides this to stay alive). */
    void exit(int code) {
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
