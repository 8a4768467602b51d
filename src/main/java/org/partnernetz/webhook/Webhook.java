package org.partnernetz.webhook;

import java.util.List;

/** An endpoint a partner registered, as the API shows it (never its secret). */
record Webhook(String id, String url, List<String> events, List<String> types, List<String> entityTypes,
        List<String> regions, List<String> tags,
        String description, String owner, boolean active, boolean paused, String pausedAt, int consecutiveFailures,
        String createdAt) {

    /** One delivery of one event to the endpoint, with its attempts, newest first. */
    record Delivery(String id, String event, String subject, String status, int attempts, Integer lastStatus,
            String lastError, String createdAt, String nextAttemptAt, String deliveredAt, List<Attempt> log) {
    }

    /** One attempt: its HTTP status or error, and how long it took. */
    record Attempt(int number, String at, Integer status, long latencyMs, String error) {
    }
}
