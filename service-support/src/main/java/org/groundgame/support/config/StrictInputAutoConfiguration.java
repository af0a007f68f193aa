package org.groundgame.support.config;

import org.groundgame.security.RequestRejectedProblems;
import org.groundgame.security.ServerErrorProblems;
import org.groundgame.support.web.SafeParameters;
import org.groundgame.support.web.StrictJson;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Strict input for every service (see the module's README): JSON read without coercion
 * between types, enums by name only and no unsafe characters in any string; query, form
 * and path parameters refused for the same characters; the web server's own errors as
 * problem documents. Also part of {@code @WebMvcTest} slices.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class StrictInputAutoConfiguration {

	@Bean
	JsonMapperBuilderCustomizer strictJsonInput() {
		return StrictJson::configure;
	}

	@Bean
	WebMvcConfigurer safeParameters() {
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(new SafeParameters());
			}

		};
	}

	@Bean
	RequestRejectedProblems requestRejectedProblems() {
		return new RequestRejectedProblems();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
	static class TomcatErrors {

		@Bean
		ServerErrorProblems serverErrorProblems() {
			return new ServerErrorProblems();
		}

	}

}
