package org.partnernetz.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * The services check roles themselves ({@code @PreAuthorize}), in every kind of application context,
 * web or not. ADMIN includes EDITOR, which includes PARTNER.
 */
@Configuration
@EnableMethodSecurity
class MethodSecurity {

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.ADMIN.name()).implies(Role.EDITOR.name())
                .role(Role.EDITOR.name()).implies(Role.PARTNER.name())
                .build();
    }
}
