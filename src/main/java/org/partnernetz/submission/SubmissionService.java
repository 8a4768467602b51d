package org.partnernetz.submission;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.partnernetz.account.Caller;
import org.partnernetz.editing.EntityEditing;
import org.partnernetz.graph.Label;
import org.partnernetz.graphql.BadRequestException;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.GlobalId;
import org.partnernetz.graphql.NotFoundException;
import org.partnernetz.graphql.PageRequest;
import org.partnernetz.graphql.SortKey;
import org.partnernetz.history.ConflictException;
import org.partnernetz.history.TransientFailure;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public submissions' transaction and authorisation boundary. Anyone may submit a project (within
 * the client's rate, checked, the honeypot empty); it waits in the moderation queue, outside the
 * public graph, until an editor accepts it (a new project, or merged into one, citing a new source
 * for the submission) or rejects it with a reason. The submitter looks the decision up by the
 * reference it was given.
 */
@Service
@Transactional
@Retryable(predicate = TransientFailure.class, maxRetries = 6, delay = 50, jitter = 40, multiplier = 2)
public class SubmissionService {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** References: this prefix and 128 random bits, URL-safe: not to be guessed, so they need no token. */
    private static final String PREFIX = "sub_";

    private final SubmissionQueries queries;
    private final SubmissionProperties properties;
    private final EntityEditing editing;

    SubmissionService(SubmissionQueries queries, SubmissionProperties properties, EntityEditing editing) {
        this.queries = queries;
        this.properties = properties;
        this.editing = editing;
    }

    /**
     * A new submission; its reference. The client's rate is taken before, outside this retried
     * transaction ({@link SubmissionController}), so a retry does not count twice. A filled honeypot is
     * answered like any submission (a robot learns nothing) but stored as REJECTED for spam, so that
     * editors never see it in the queue and a false positive can still be found.
     */
    public String submit(SubmissionInput input) {
        var checked = input.checked(properties);
        var bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        var reference = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        queries.create(reference, checked, checked.spam() ? "REJECTED" : "PENDING", checked.spam() ? "spam" : null,
                now());
        return reference;
    }

    /** The submission with this reference, empty when none has it. For the submitter's status look-up. */
    @Transactional(readOnly = true)
    public Optional<Submission> status(String reference) {
        return reference == null || !reference.startsWith(PREFIX) ? Optional.empty() : queries.find(reference);
    }

    /** The moderation queue: submissions of one status (all without), oldest first (EDITOR). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('EDITOR')")
    public Connection<Connection.Edge<Submission>> list(Submission.Status status, PageRequest page) {
        var parameters = new HashMap<String, Object>();
        SortKey.bindAfter("submissions", SubmissionQueries.OLDEST_FIRST, page, parameters);
        var found = queries.list(status == null ? null : status.name(), page.limit(), parameters);
        var rows = new ArrayList<Connection.Row<Submission>>();
        for (int i = 0; i < found.submissions().size(); i++) {
            rows.add(new Connection.Row<>(found.submissions().get(i), found.keys().get(i)));
        }
        return Connection.ofNodes("submissions", rows, page, found.total());
    }

    /** One submission by its reference, for an editor (EDITOR). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('EDITOR')")
    public Optional<Submission> find(String reference) {
        return status(reference);
    }

    /**
     * Accepts a pending submission (EDITOR): a source for it, and a new project citing it (with the
     * editor's {@code name} or {@code description} where given), or, with {@code mergeInto}, the
     * existing project citing it too, taking the submitted description and first link only where
     * the project has none (an editor's text is never replaced by a public one). One transaction.
     */
    @PreAuthorize("hasRole('EDITOR')")
    public Submission accept(String reference, String mergeInto, String name, String description, Caller caller) {
        var submission = pending(reference);
        var now = now();
        var source = new LinkedHashMap<String, Object>();
        source.put("title", "Submission " + reference);
        source.put("documentType", "SUBMISSION");
        source.put("date", submission.createdAt().substring(0, 10));
        source.put("dateKind", "SAVED");
        if (!submission.links().isEmpty()) {
            source.put("url", submission.links().getFirst());
        }
        source.put("comment", "from submission " + reference);
        var sourceKey = editing.create(Label.Source, source, caller).key();
        String projectKey;
        if (mergeInto == null) {
            var project = new LinkedHashMap<String, Object>();
            project.put("name", name == null || name.isBlank() ? submission.name() : name);
            project.put("kind", "PROJECT");
            project.put("description", description == null || description.isBlank() ? submission.description()
                    : description);
            if (!submission.links().isEmpty()) {
                project.put("website", submission.links().getFirst());
            }
            project.put("basis", "stated");
            if (submission.place() != null) {
                project.put("note", "Place given in the submission: " + submission.place());
            }
            project.put("sources", List.of(sourceKey));
            project.put("comment", "accepted from submission " + reference);
            projectKey = editing.create(Label.Project, project, caller).key();
        } else {
            projectKey = merge(submission, mergeInto, sourceKey, caller);
        }
        queries.decide(reference, "ACCEPTED", caller.name(), null, projectKey, now);
        return queries.find(reference).orElseThrow();
    }

    /** Rejects a pending submission with a reason the submitter will see (EDITOR). */
    @PreAuthorize("hasRole('EDITOR')")
    public Submission reject(String reference, String reason, Caller caller) {
        var text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > 1000) {
            throw new BadRequestException("input.reason: required, at most 1000 characters");
        }
        pending(reference);
        queries.decide(reference, "REJECTED", caller.name(), text, null, now());
        return queries.find(reference).orElseThrow();
    }

    private String merge(Submission submission, String mergeInto, String sourceKey, Caller caller) {
        if (!GlobalId.looksLikeGlobalId(mergeInto) || GlobalId.parse(mergeInto).label() != Label.Project) {
            throw new BadRequestException("input.mergeInto: '" + mergeInto + "' is not a project id, e.g. Project:my-project");
        }
        var key = GlobalId.parse(mergeInto).key();
        var project = queries.project(key).orElseThrow(() -> new NotFoundException("input.mergeInto: no project " + mergeInto));
        var change = new LinkedHashMap<String, Object>();
        change.put("version", ((Number) project.get("version")).intValue());
        @SuppressWarnings("unchecked")
        var sources = new TreeSet<String>((List<String>) project.get("sources"));
        sources.add(sourceKey);
        change.put("sources", List.copyOf(sources));
        if (project.get("description") == null) {
            change.put("description", submission.description());
        }
        if (project.get("website") == null && !submission.links().isEmpty()) {
            change.put("website", submission.links().getFirst());
        }
        change.put("comment", "merges submission " + submission.reference());
        editing.update(Label.Project, mergeInto, change, caller);
        return key;
    }

    /** The submission, locked, if it still waits for a decision: CONFLICT when it was decided. */
    private Submission pending(String reference) {
        var submission = (reference == null || !reference.startsWith(PREFIX) ? Optional.<Submission>empty()
                : queries.lock(reference))
                .orElseThrow(() -> new NotFoundException("input.reference: no submission " + reference));
        if (submission.status() != Submission.Status.PENDING) {
            throw new ConflictException("Submission " + reference + " (" + submission.status() + ")", 1,
                    submission.version());
        }
        return submission;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
