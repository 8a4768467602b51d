package org.partnernetz.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code --partnernetz.network-export=FILE} on the command line: the hub starts (with its usual seed
 * import), writes the network to FILE in the format its name ends in ({@code .graphml},
 * {@code .gexf}, {@code .nodes.csv}, {@code .edges.csv}, {@code .cytoscape.json},
 * {@code .graphology.json}, {@code .geojson}) and exits. The selection comes from options of the
 * same names as the HTTP parameters, prefixed: {@code --partnernetz.network-export.region=dortmund},
 * {@code .project}, {@code .event}, {@code .organisation}, {@code .depth}, {@code .kinds},
 * {@code .relationship-types}, {@code .from}, {@code .to}, {@code .as-of}.
 */
@Component
class NetworkExportOnCommandLine implements ApplicationRunner {

    static final String OPTION = "partnernetz.network-export";

    private final NetworkExports exports;
    private final ConfigurableApplicationContext context;

    NetworkExportOnCommandLine(NetworkExports exports, ConfigurableApplicationContext context) {
        this.exports = exports;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (!arguments.containsOption(OPTION)) {
            return;
        }
        var file = value(arguments, "");
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("--" + OPTION + " needs a file: --" + OPTION + "=network.gexf");
        }
        var path = Path.of(file).toAbsolutePath();
        var name = path.getFileName().toString();
        var format = Arrays.stream(ExportFormat.values()).filter(f -> name.endsWith("." + f.suffix)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--" + OPTION + ": the file name must end in one of "
                        + ExportFormat.suffixes().replace("network", "")));
        var depth = value(arguments, ".depth");
        var plan = exports.plan(new NetworkViews.Selection(value(arguments, ".region"), value(arguments, ".project"),
                value(arguments, ".event"), value(arguments, ".organisation"),
                depth == null ? null : Integer.valueOf(depth), list(arguments, ".kinds"),
                list(arguments, ".relationship-types"), value(arguments, ".from"), value(arguments, ".to"),
                value(arguments, ".as-of"), null));
        NetworkExports.Exported exported;
        try (var out = Files.newOutputStream(path)) {
            exported = exports.write(plan, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
        System.out.println();
        System.out.println("Exported " + plan.title() + " to " + path + ": " + exported);
        System.out.println();
        exit(0);
    }

    private static String value(ApplicationArguments arguments, String suffix) {
        var values = arguments.getOptionValues(OPTION + suffix);
        return values == null || values.isEmpty() ? null : values.getFirst().strip();
    }

    private static List<String> list(ApplicationArguments arguments, String suffix) {
        var value = value(arguments, suffix);
        return value == null ? null : Arrays.stream(value.split(",")).map(String::strip).toList();
    }

    /** Ends the process once the export is written (a test overrides this to stay alive). */
    void exit(int code) {
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
