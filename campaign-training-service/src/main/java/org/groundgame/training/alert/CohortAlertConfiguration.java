package org.groundgame.training.alert;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.groundgame.support.domain.CapabilityTokens;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.util.UriUtils;

/**
 * The cohort alerts' wiring: the links their e-mails carry, and the sweep that deletes
 * what is left of closed alerts once their last event is published. What they react to is
 * {@link CohortAlertEvents}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ CohortAlertConfiguration.SiteProperties.class,
		CohortAlertConfiguration.AlertProperties.class })
@EnableScheduling
class CohortAlertConfiguration {

	private final CohortAlertService alerts;

	CohortAlertConfiguration(CohortAlertService alerts) {
		this.alerts = alerts;
	}

	/**
	 * An alert's private link {@code <public-url>/training/alerts#token=…} (the token in
	 * the fragment, which browsers never send to a server), and a cohort's page
	 * {@code <public-url>/training/cohorts/<id>}.
	 */
	@Bean
	static AlertLinks alertLinks(SiteProperties site) {
		String base = site.publicUrl().endsWith("/") ? site.publicUrl().substring(0, site.publicUrl().length() - 1)
				: site.publicUrl();
		return new AlertLinks() {

			@Override
			public Link issue(String alertId) {
				String token = CapabilityTokens.newToken();
				return new Link(base + "/training/alerts#token=" + token, CapabilityTokens.hash(token));
			}

			@Override
			public String cohortPage(String cohortId) {
				return base + "/training/cohorts/" + UriUtils.encodePathSegment(cohortId, StandardCharsets.UTF_8);
			}

		};
	}

	/** Deletes what is left of the closed alerts whose last event is published. */
	@Scheduled(fixedDelayString = "${groundgame.training.alerts.sweep-interval:1m}",
			initialDelayString = "${groundgame.training.alerts.sweep-interval:1m}")
	void sweep() {
		this.alerts.deleteClosed();
	}

	/**
	 * Where the public reaches the platform (the gateway): the same setting as the offer
	 * links' ({@code groundgame.training.offers.public-url}).
	 */
	@ConfigurationProperties("groundgame.training.offers")
	record SiteProperties(@DefaultValue("http://localhost:8080") String publicUrl) {
	}

	/**
	 * @param sweepInterval how often what is left of closed alerts is deleted, once their
	 * last event is published
	 */
	@ConfigurationProperties("groundgame.training.alerts")
	record AlertProperties(@DefaultValue("1m") Duration sweepInterval) {
	}

}
