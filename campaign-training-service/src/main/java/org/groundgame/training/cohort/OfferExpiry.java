package org.groundgame.training.cohort;

import java.time.Clock;
import java.time.Duration;

import org.groundgame.support.domain.CapabilityTokens;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The sweep that lets seat offers lapse when their time is up and passes each seat to the
 * next in line. Every instance of the service may sweep at once: each cohort's expiry is
 * written on the version read, so exactly one instance writes it and no seat is offered
 * twice.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OfferExpiry.OfferProperties.class)
@EnableScheduling
class OfferExpiry {

	private final CohortService cohorts;

	private final Clock clock;

	OfferExpiry(CohortService cohorts, Clock clock) {
		this.cohorts = cohorts;
		this.clock = clock;
	}

	/**
	 * Offer links {@code <publicUrl>/training/enrollments/<id>#token=…}: the token in the
	 * fragment, which browsers never send to a server.
	 */
	@Bean
	static OfferLinks offerLinks(OfferProperties properties) {
		String base = properties.publicUrl().endsWith("/")
				? properties.publicUrl().substring(0, properties.publicUrl().length() - 1) : properties.publicUrl();
		return (enrollmentId) -> {
			String token = CapabilityTokens.newToken();
			return new OfferLinks.Link(base + "/training/enrollments/" + enrollmentId + "#token=" + token,
					CapabilityTokens.hash(token));
		};
	}

	@Scheduled(fixedDelayString = "${groundgame.training.offers.sweep-interval:1m}",
			initialDelayString = "${groundgame.training.offers.sweep-interval:1m}")
	void sweep() {
		this.cohorts.expireOffers(this.clock.instant());
	}

	/**
	 * How offers expire.
	 *
	 * @param sweepInterval the delay between two sweeps for lapsed offers
	 * @param publicUrl where the public reaches the platform (the gateway), for the offer
	 * links
	 */
	@ConfigurationProperties("groundgame.training.offers")
	record OfferProperties(@DefaultValue("1m") Duration sweepInterval,
			@DefaultValue("http://localhost:8080") String publicUrl) {
	}

}
