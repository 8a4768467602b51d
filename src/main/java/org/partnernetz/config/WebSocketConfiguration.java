package org.partnernetz.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The WebSocket side of {@code /graphql} (subscriptions, graphql-transport-ws). A message carries a
 * whole GraphQL document, which may hold several operations (the sample queries are over 10 KB):
 * one may be up to 64 KiB, where the servlet container's default closes the connection at 8 KiB.
 * Only where a web server runs (not for the export on the command line).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebSocketConfiguration {

    static final int MAX_MESSAGE_BYTES = 64 * 1024;

    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        var container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(MAX_MESSAGE_BYTES);
        return container;
    }
}
