package org.groundgame.training.alert;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.groundgame.events.training.CohortAlertDue;
import org.groundgame.events.training.CohortOpened;
import org.groundgame.support.domain.CapabilityTokens;
import org.groundgame.support.domain.InvalidInputException;
import org.groundgame.support.domain.NotFoundException;
import org.groundgame.training.cohort.AddressErasure;
import org.groundgame.training.cohort.Track;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * "Tell me when the next cohort opens": alerts asked for (public), seen and stopped with
 * their private link, spent when a cohort of their track opens, and erased with a trainee
 * of the same address. Nothing answers differently for an address that has an alert and
 * one that has none.
 */
@Service
class CohortAlertService implements AddressErasure {

	private static final Logger log = LoggerFactory.getLogger(CohortAlertService.class);

	/** The header that carries the token of an alert's private link. */
	static final String TOKEN_HEADER = "X-Alert-Token";

	/** How many times a change races another instance's on one alert before giving up. */
	static final int MAX_ATTEMPTS = 16;

	private final CohortAlertStore store;

	private final AlertLinks links;

	private final Clock clock;

	private final MeterRegistry meters;

	CohortAlertService(CohortAlertStore store, AlertLinks links, Clock clock, MeterRegistry meters) {
		this.store = store;
		this.links = links;
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * Someone asks to be told when the next cohort of a track opens. A new address and
	 * track gets an alert and its owner the link to it; an address that has one gets a
	 * new link (at most one every 15 minutes) and nothing else changes. The caller learns
	 * neither.
	 */
	Track request(CohortAlert.Asked asked) {
		Instant now = now();
		CohortAlert.Requested requested = CohortAlert.request(asked, this.links, now);
		String outcome = requestOrRepeat(requested, now);
		this.meters.counter("groundgame.training.alerts.requested", "outcome", outcome).increment();
		log.info("Cohort alert asked for on track {}: {}", requested.alert().track(), outcome);
		return requested.alert().track();
	}

	private String requestOrRepeat(CohortAlert.Requested requested, Instant now) {
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			Optional<CohortAlertDocument> existing = this.store.waiting(requested.alert().slot());
			if (existing.isEmpty()) {
				if (this.store.insert(requested)) {
					return "new";
				}
				continue;
			}
			CohortAlert alert = existing.get().toAlert();
			if (alert == null) {
				continue;
			}
			Optional<CohortAlert.Requested> again = alert.requestAgain(this.links, now);
			if (again.isEmpty()) {
				return "repeated";
			}
			if (this.store.linkSent(existing.get(), again.get())) {
				return "relinked";
			}
		}
		throw new OptimisticLockingFailureException("The alert is changing a lot at the moment; try again");
	}

	/**
	 * The alert its private link opens.
	 * @throws NotFoundException for a token that opens no waiting alert (never was, or
	 * replaced, stopped or spent)
	 */
	CohortAlert alert(String token) {
		return waitingWithToken(token).flatMap((document) -> Optional.ofNullable(document.toAlert()))
			.orElseThrow(() -> new NotFoundException("cohort alert", "(the link's token opens none)"));
	}

	/**
	 * Its owner stops the alert with its link. Answers alike whether or not the token
	 * opened a waiting alert (stopped already, spent, replaced): nothing more will be
	 * sent for it either way.
	 */
	void cancel(String token) {
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			Optional<CohortAlertDocument> read = waitingWithToken(token);
			if (read.isEmpty() || read.get().toAlert() == null) {
				return;
			}
			if (this.store.close(read.get(), CohortAlert.Closed.CANCELLED, now(), List.of())) {
				this.store.deleteClosed();
				log.info("Cohort alert {} stopped by its owner", read.get().getId());
				return;
			}
		}
		throw new OptimisticLockingFailureException("The alert is changing a lot at the moment; try again");
	}

	/**
	 * A cohort opened: every alert of its track asked for before then is sent its one
	 * e-mail and spent, in one write each on the version read, so that a redelivered
	 * opening, or several instances reacting to it at once, e-mail nobody twice.
	 * @return the ids of the alerts this call spent
	 */
	List<String> cohortOpened(CohortOpened opened) {
		if (opened.cohort() == null || opened.cohort().track() == null) {
			return List.of();
		}
		Track track;
		try {
			track = Track.valueOf(opened.cohort().track());
		}
		catch (IllegalArgumentException ex) {
			return List.of();
		}
		List<String> spent = new ArrayList<>();
		for (String alertId : this.store.waitingIds(track, opened.occurredAt())) {
			if (spend(alertId, opened)) {
				spent.add(alertId);
			}
		}
		if (!spent.isEmpty()) {
			this.meters.counter("groundgame.training.alerts.sent").increment(spent.size());
		}
		log.info("Cohort {} opened on track {}: {} alerts sent", opened.cohortId(), track, spent.size());
		return spent;
	}

	private boolean spend(String alertId, CohortOpened opened) {
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			Optional<CohortAlertDocument> read = this.store.byId(alertId);
			CohortAlert alert = read.map(CohortAlertDocument::toAlert).orElse(null);
			if (alert == null || !alert.awaits(opened.cohort().track(), opened.occurredAt())) {
				// Spent, stopped or erased meanwhile (another instance, a redelivery).
				return false;
			}
			CohortAlertDue due = alert.due(opened, this.links, now());
			if (this.store.close(read.get(), CohortAlert.Closed.SPENT, now(), List.of(due))) {
				return true;
			}
		}
		throw new OptimisticLockingFailureException("The alert is changing a lot at the moment; try again");
	}

	/**
	 * A trainee's data is erased: the alerts waiting with the same address go too (the
	 * erasure is of the person; their owner proved the address with the trainee's link,
	 * or staff erase at the person's request).
	 */
	@Override
	public void erase(String email) {
		if (email == null || email.isBlank()) {
			return;
		}
		String address = email.strip().toLowerCase(Locale.ROOT);
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			List<CohortAlertDocument> waiting = this.store.waitingOf(address);
			if (waiting.isEmpty()) {
				return;
			}
			boolean all = true;
			for (CohortAlertDocument read : waiting) {
				all &= this.store.close(read, CohortAlert.Closed.ERASED, now(), List.of());
			}
			if (all) {
				this.store.deleteClosed();
				log.info("{} cohort alerts erased with a trainee", waiting.size());
				return;
			}
		}
		throw new OptimisticLockingFailureException("The alert is changing a lot at the moment; try again");
	}

	/** Deletes what is left of closed alerts once their last event is published. */
	long deleteClosed() {
		return this.store.deleteClosed();
	}

	private Optional<CohortAlertDocument> waitingWithToken(String token) {
		if (token == null || token.isBlank()) {
			throw new InvalidInputException(TOKEN_HEADER, "is required: the token of the alert's link");
		}
		return this.store.waitingWithToken(CapabilityTokens.hash(token.strip()));
	}

	/** Now, to the millisecond the store keeps. */
	private Instant now() {
		return Instant.now(this.clock).truncatedTo(ChronoUnit.MILLIS);
	}

}
