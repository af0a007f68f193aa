package org.groundgame.support.config;

import org.groundgame.support.web.RequestIdLogging;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The gateway's request id in every service's logs, from the first filter on (security
 * refusals included).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class RequestIdAutoConfiguration {

	@Bean
	FilterRegistrationBean<RequestIdLogging> requestIdLogging() {
		FilterRegistrationBean<RequestIdLogging> registration = new FilterRegistrationBean<>(new RequestIdLogging());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
