package org.groundgame.support.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.groundgame.security.Caller;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * What every service's OpenAPI document says beyond its endpoints: its name and how to
 * authenticate (a bearer token from the platform's token endpoint, with the
 * client-credentials flow for machines and authorization code with PKCE for people). The
 * token endpoint's paths are relative: the documents are read through the gateway, which
 * also serves {@code /oauth2/**}.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class OpenApiAutoConfiguration {

	/** The name of the security scheme in every document. */
	public static final String SECURITY_SCHEME = "oauth2";

	static {
		// The caller comes from the bearer token, never from the request: not a parameter
		// (what springdoc does itself for Spring Security's Authentication).
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
	}

	@Bean
	@ConditionalOnMissingBean
	OpenAPI groundGameOpenApi(@Value("${spring.application.name:ground-game}") String application,
			@Value("${groundgame.openapi.description:}") String description) {
		OAuthFlow clientCredentials = new OAuthFlow().tokenUrl("/oauth2/token").scopes(new Scopes());
		OAuthFlow authorizationCode = new OAuthFlow().authorizationUrl("/oauth2/authorize")
			.tokenUrl("/oauth2/token")
			.scopes(new Scopes());
		return new OpenAPI()
			.info(new Info().title("Ground Game " + application)
				.version("v1")
				.description(description.isBlank()
						? "Part of the Ground Game public HTTP contract; every error is application/problem+json."
						: description))
			.components(new Components().addSecuritySchemes(SECURITY_SCHEME,
					new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
						.description("Roles STAFF and CHAPTER come from the token; endpoints marked public need none.")
						.flows(new OAuthFlows().clientCredentials(clientCredentials)
							.authorizationCode(authorizationCode))))
			.addSecurityItem(new SecurityRequirement().addList(SECURITY_SCHEME));
	}

}
