package org.atalaya.platform.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Describes the REST API in the OpenAPI document served at /api/v1/openapi.json. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI atalayaOpenApi(ObjectProvider<BuildProperties> build) {
        String version = build.getIfAvailable() == null ? "development" : build.getIfAvailable().getVersion();
        return new OpenAPI()
                .info(new Info()
                        .title("Atalaya API")
                        .version(version)
                        .description("Cameras, recording, monitoring centre, emergency services and accountability. "
                                + "Authenticate with a personal API token: Authorization: Bearer atl_... "
                                + "Every endpoint requires the permission named in its description; errors are "
                                + "RFC 9457 problem details.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("token",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("atl_ token")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
