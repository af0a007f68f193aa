package org.groundgame.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Ticker;

import org.groundgame.gateway.edge.EdgeFilterOrder;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rate limits. They hold in this gateway instance only: several instances behind a
 * load balancer would each allow the full rate, and would need a shared store to enforce
 * one (Bucket4j's {@code ProxyManager} over it, in place of the local buckets of
 * {@link TokenBucketLimiter}).
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	@Bean
	RateLimits rateLimits(RateLimitProperties properties) {
		return new RateLimits(properties, Ticker.systemTicker());
	}

	@Bean
	FilterRegistrationBean<AddressRateLimitFilter> addressRateLimitFilter(RateLimits limits) {
		FilterRegistrationBean<AddressRateLimitFilter> registration = new FilterRegistrationBean<>(
				new AddressRateLimitFilter(limits));
		registration.setOrder(EdgeFilterOrder.ADDRESS_RATE_LIMIT);
		return registration;
	}

}
