package org.smscampaign.web.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at {@code /v3/api-docs} (and committed as
 * {@code docs/openapi.json}, kept current by a test).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String API_KEY = "apiKey";

    @Bean
    OpenAPI platformOpenApi() {
        return new OpenAPI()
            .info(new Info().title("SMS Campaign Platform API")
                .version("v1")
                .description("REST API of the SMS campaign platform. Authenticate with an API key created by an "
                        + "admin (header X-API-Key, or Authorization: Bearer), or a signed-in browser session "
                        + "with its CSRF token. Errors are RFC 9457 problem documents whose type is a stable "
                        + "/problems/<slug>.")
                .license(new License().name("Apache-2.0")))
            .components(new Components().addSecuritySchemes(API_KEY,
                    new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name("X-API-Key")
                        .description("An API key such as sms_Ab3dE6gH_... (created under Admin > API keys)")))
            .addServersItem(new Server().url("/").description("This platform"))
            .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }

}
