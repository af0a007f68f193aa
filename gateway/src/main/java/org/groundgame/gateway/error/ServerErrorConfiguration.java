package org.groundgame.gateway.error;

import org.groundgame.security.RequestRejectedProblems;
import org.groundgame.security.ServerErrorProblems;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The gateway's web server and Spring Security's firewall answer what they refuse (an
 * encoded slash, backslash or NUL, a malformed escape, a bad request line, a {@code ;} or
 * a double slash) with a {@code 400} problem document, as the services do, rather than
 * Tomcat's HTML page or a {@code 500}.
 */
@Configuration(proxyBeanMethods = false)
class ServerErrorConfiguration {

	@Bean
	ServerErrorProblems serverErrorProblems() {
		return new ServerErrorProblems();
	}

	/** Before the request id and the access log: nothing else reads the query first. */
	@Bean
	FilterRegistrationBean<MalformedQueryFilter> malformedQueryFilter() {
		FilterRegistrationBean<MalformedQueryFilter> registration = new FilterRegistrationBean<>(
				new MalformedQueryFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	RequestRejectedProblems requestRejectedProblems() {
		return new RequestRejectedProblems();
	}

}
