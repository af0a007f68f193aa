package org.groundgame.web.console;

import java.util.List;

import org.groundgame.web.WebProperties;
import org.groundgame.web.api.PlatformApis;
import org.groundgame.web.console.signin.ConsoleProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The console's API clients, and its controllers' {@link Organizer} arguments. */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration implements WebMvcConfigurer {

	@Bean
	ConsoleApis consoleApis(RestClient.Builder builder, WebProperties properties, ConsoleProperties console,
			OAuth2AuthorizedClientManager authorizedClients, OAuth2AuthorizedClientRepository repository,
			JsonMapper json) {
		OAuth2ClientHttpRequestInterceptor token = new OAuth2ClientHttpRequestInterceptor(authorizedClients);
		token.setClientRegistrationIdResolver((request) -> ConsoleProperties.REGISTRATION_ID);
		token
			.setAuthorizationFailureHandler(OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(repository));
		return new ConsoleApis(
				new PlatformApis(builder.clone().requestInterceptor(token), properties, console.identity(), json));
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new OrganizerArgumentResolver());
	}

}
