package org.partnernetz.submission;

import java.util.List;

import org.partnernetz.account.Caller;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/**
 * {@code submitProject} and {@code submissionStatus} for the public, the moderation queue
 * ({@code submissions}, {@code submission}) and its decisions for editors.
 */
@Controller
class SubmissionController {

    private final SubmissionService service;
    private final SubmissionRateLimiter limiter;

    SubmissionController(SubmissionService service, SubmissionRateLimiter limiter) {
        this.service = service;
        this.limiter = limiter;
    }

    record SubmitProjectInput(String name, String description, String place, String contactName, String contactEmail,
            List<String> links, List<String> photos, List<String> videos, String website) {
    }

    record SubmitProjectPayload(String reference, Submission.Status status) {
    }

    /** What the submitter may see: never the contact or the texts, which anyone with the reference could read. */
    record SubmissionLookup(String reference, Submission.Status status, String reason, String projectId,
            String createdAt, String decidedAt) {
    }

    record AcceptSubmissionInput(String reference, String mergeInto, String name, String description) {
    }

    record RejectSubmissionInput(String reference, String reason) {
    }

    record SubmissionPayload(Submission submission) {
    }

    @MutationMapping
    SubmitProjectPayload submitProject(@Argument SubmitProjectInput input,
            @ContextValue(name = SubmissionWiring.CLIENT, required = false) String client) {
        limiter.acquire(client == null ? "unknown" : client);
        var reference = service.submit(new SubmissionInput(input.name(), input.description(), input.place(),
                input.contactName(), input.contactEmail(), input.links(), input.photos(), input.videos(),
                input.website()));
        // A robot that filled the honeypot is told PENDING too: it learns nothing to work around.
        return new SubmitProjectPayload(reference, Submission.Status.PENDING);
    }

    @QueryMapping
    SubmissionLookup submissionStatus(@Argument String reference) {
        return service.status(reference).map(found -> found.caughtAsSpam()
                ? new SubmissionLookup(found.reference(), Submission.Status.PENDING, null, null, found.createdAt(), null)
                : new SubmissionLookup(found.reference(), found.status(), found.reason(), found.projectId(),
                        found.createdAt(), found.decidedAt()))
                .orElse(null);
    }

    @QueryMapping
    Connection<Connection.Edge<Submission>> submissions(@Argument Submission.Status status, @Argument Integer first,
            @Argument String after) {
        return service.list(status, PageRequest.of(first, after));
    }

    @QueryMapping
    Submission submission(@Argument String reference) {
        return service.find(reference).orElse(null);
    }

    @org.springframework.graphql.data.method.annotation.SchemaMapping(typeName = "Submission")
    String projectId(Submission submission) {
        return submission.projectId();
    }

    @MutationMapping
    SubmissionPayload acceptSubmission(@Argument AcceptSubmissionInput input, @AuthenticationPrincipal Caller caller) {
        return new SubmissionPayload(service.accept(input.reference(), input.mergeInto(), input.name(),
                input.description(), caller));
    }

    @MutationMapping
    SubmissionPayload rejectSubmission(@Argument RejectSubmissionInput input, @AuthenticationPrincipal Caller caller) {
        return new SubmissionPayload(service.reject(input.reference(), input.reason(), caller));
    }
}
