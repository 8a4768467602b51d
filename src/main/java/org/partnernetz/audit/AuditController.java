package org.partnernetz.audit;

import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code auditTrail}: the admins' view of who used the hub with which credential, and how it went. */
@Controller
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @QueryMapping
    Connection<Connection.Edge<AuditTrail.AuditEntry>> auditTrail(@Argument String by, @Argument String credential,
            @Argument String operation, @Argument Integer first, @Argument String after) {
        return trail.page(by, credential, operation == null ? null : operation.toLowerCase(java.util.Locale.ROOT),
                PageRequest.of(first, after));
    }
}
