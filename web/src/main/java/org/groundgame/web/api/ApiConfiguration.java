package org.groundgame.web.api;

import tools.jackson.databind.json.JsonMapper;

import org.groundgame.web.WebProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

	@Bean
	PlatformApis platformApis(RestClient.Builder builder, WebProperties properties, JsonMapper json) {
		return new PlatformApis(builder, properties, json);
	}

}
