package org.partnernetz.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The first admin, who cannot be made through the API (that takes an admin). Two ways:
 * <ul>
 * <li>{@code --partnernetz.admin.create-token=NAME} on the command line: creates an ADMIN token
 * named NAME, prints its secret once on the console (never through the log) and exits, so that the
 * option is not left in a start command that would make a new admin at every start;</li>
 * <li>{@code PARTNERNETZ_ADMIN_TOKEN} (a secret the operator made, e.g. a container secret): at each
 * start the hub makes sure an ADMIN token with that secret exists; only its hash is stored.</li>
 * </ul>
 * Runs after the schema steps and the seed import (after the context has started).
 */
@Component
class FirstAdmin implements ApplicationRunner {

    static final String OPTION = "partnernetz.admin.create-token";

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final ApiTokens tokens;
    private final AccountProperties properties;
    private final ConfigurableApplicationContext context;

    FirstAdmin(ApiTokens tokens, AccountProperties properties, ConfigurableApplicationContext context) {
        this.tokens = tokens;
        this.properties = properties;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (properties.adminToken() != null && !properties.adminToken().isBlank()) {
            boolean created = tokens.ensureAdmin(properties.adminToken().strip(), "admin (environment)");
            log.info(created ? "Created the admin token given by PARTNERNETZ_ADMIN_TOKEN"
                    : "The admin token given by PARTNERNETZ_ADMIN_TOKEN exists");
        }
        if (arguments.containsOption(OPTION)) {
            var values = arguments.getOptionValues(OPTION);
            var name = values.isEmpty() || values.getFirst().isBlank() ? "admin" : values.getFirst().strip();
            var created = tokens.createFirstAdmin(name);
            log.info("Created the admin token '{}' (id {}); its secret is printed on the console once", name,
                    created.token().id());
            System.out.println();
            System.out.println("Admin token '" + name + "' (shown only now; send it as 'Authorization: Bearer <token>'):");
            System.out.println(created.secret());
            System.out.println();
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }
}
