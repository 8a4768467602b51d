package org.partnernetz.submission;

import java.util.List;

/**
 * A submitted project as editors see it in the moderation queue (schema type {@code Submission}):
 * what was submitted, the contact, and the decision once there is one. Never part of the public
 * graph: the node is a {@code :Submission}, not an {@code :Entity}. Times are ISO instants (UTC).
 */
record Submission(String reference, Status status, String name, String description, String place,
        String contactName, String contactEmail, List<String> links, List<String> photos, List<String> videos,
        String createdAt, String decidedAt, String decidedBy, String reason, String projectKey,
        int version) {

    /** Who decided a submission the spam guard refused as it came in (see {@code SubmissionService.submit}). */
    static final String SPAM_GUARD = "spam guard";

    /** Where a submission stands. */
    enum Status {
        PENDING, ACCEPTED, REJECTED
    }

    /**
     * Whether the spam guard refused it. The submitter is then shown it as still pending, with no
     * decision: a robot learns nothing to work around.
     */
    boolean caughtAsSpam() {
        return SPAM_GUARD.equals(decidedBy);
    }

    /** The global id of the project it became or was merged into; null before it was accepted. */
    String projectId() {
        return projectKey == null ? null : "Project:" + projectKey;
    }
}
