package org.groundgame.notification.email;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * E-mail: the templates, and the settings and circuit breaker of the sender
 * ({@link EmailSender}, a component over Spring Boot's {@link JavaMailSender}).
 * <p>
 * The sender is there whether or not a mail server is configured: without
 * {@code spring.mail.host} Boot makes no {@link JavaMailSender}, and the sender answers
 * every message with {@code FAILED} "e-mail is not configured". So the service starts and
 * serves the inbox and webhooks without SMTP, whoever needs an {@link EmailSender} gets
 * one, and the delivery log says why no mail went out (and the retries send it once a
 * server is configured).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmailProperties.class)
class EmailConfiguration {

	static final String BREAKER = "smtp";

	@Bean
	EmailTemplates emailTemplates() {
		return new EmailTemplates();
	}

	/**
	 * The breaker named {@code smtp}: from the application's registry where there is one
	 * (so that {@code resilience4j.circuitbreaker.instances.smtp.*} configures it), else
	 * with the defaults below.
	 */
	static CircuitBreaker smtpBreaker(@Nullable CircuitBreakerRegistry registry) {
		if (registry != null) {
			return registry.circuitBreaker(BREAKER);
		}
		return CircuitBreaker.of(BREAKER, defaultBreakerConfig());
	}

	/**
	 * Opens when half of the last ten sends (five at least) failed for the server's sake,
	 * waits 30 s, then lets two through to see whether the server is back.
	 */
	static CircuitBreakerConfig defaultBreakerConfig() {
		return CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(10)
			.minimumNumberOfCalls(5)
			.failureRateThreshold(50)
			.waitDurationInOpenState(Duration.ofSeconds(30))
			.permittedNumberOfCallsInHalfOpenState(2)
			.build();
	}

}
