package org.partnernetz.webhook;

import java.util.List;
import java.util.Map;

import org.partnernetz.account.Caller;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** A partner's webhook endpoints, their deliveries and what can be done with them. */
@Controller
class WebhookController {

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    record CreateWebhookPayload(Webhook webhook, String secret) {
    }

    record WebhookPayload(Webhook webhook) {
    }

    record ReplayWebhookDeliveryPayload(Webhook.Delivery delivery) {
    }

    @QueryMapping
    List<Webhook> webhooks(@AuthenticationPrincipal Caller caller) {
        return webhooks.list(caller);
    }

    @QueryMapping
    Connection<Connection.Edge<Webhook.Delivery>> webhookDeliveries(@Argument String webhook, @Argument String status,
            @Argument Integer first, @Argument String after, @AuthenticationPrincipal Caller caller) {
        return webhooks.deliveries(webhook, status, PageRequest.of(first, after), caller);
    }

    @MutationMapping
    CreateWebhookPayload createWebhook(@Argument Map<String, Object> input, @AuthenticationPrincipal Caller caller) {
        var created = webhooks.create(input, caller);
        return new CreateWebhookPayload(created.webhook(), created.secret());
    }

    @MutationMapping
    ReplayWebhookDeliveryPayload replayWebhookDelivery(@Argument String id, @AuthenticationPrincipal Caller caller) {
        return new ReplayWebhookDeliveryPayload(webhooks.replay(id, caller));
    }

    @MutationMapping
    WebhookPayload resumeWebhook(@Argument String id, @AuthenticationPrincipal Caller caller) {
        return new WebhookPayload(webhooks.resume(id, caller));
    }

    @MutationMapping
    WebhookPayload deleteWebhook(@Argument String id, @AuthenticationPrincipal Caller caller) {
        return new WebhookPayload(webhooks.delete(id, caller));
    }
}
