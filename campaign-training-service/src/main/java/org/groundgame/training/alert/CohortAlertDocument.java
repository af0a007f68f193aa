package org.groundgame.training.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.groundgame.support.outbox.HasOutbox;
import org.groundgame.support.outbox.OutboxEvent;
import org.groundgame.training.cohort.Language;
import org.groundgame.training.cohort.Track;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A cohort alert as stored, with its events not yet published (the embedded outbox).
 * {@code slot} (track and address) is unique while the alert waits: one alert per address
 * and track, whoever asks at the same moment. Once closed (spent, stopped, erased) it
 * keeps nothing of the person — address, name, slot and token hash are unset in the same
 * write that records its last event — and it is deleted once that event is published.
 */
@Document(CohortAlertDocument.COLLECTION)
class CohortAlertDocument implements HasOutbox {

	static final String COLLECTION = "cohort_alerts";

	@Id
	private final String id;

	private final String slot;

	private final String email;

	private final String name;

	private final String track;

	private final String language;

	private final String tokenHash;

	private final Instant requestedAt;

	private final Instant linkSentAt;

	private final Instant closedAt;

	private final String closed;

	private final List<OutboxEvent> outbox;

	@Version
	private Long version;

	@PersistenceCreator
	CohortAlertDocument(String id, String slot, String email, String name, String track, String language,
			String tokenHash, Instant requestedAt, Instant linkSentAt, Instant closedAt, String closed,
			List<OutboxEvent> outbox, Long version) {
		this.id = id;
		this.slot = slot;
		this.email = email;
		this.name = name;
		this.track = track;
		this.language = language;
		this.tokenHash = tokenHash;
		this.requestedAt = requestedAt;
		this.linkSentAt = linkSentAt;
		this.closedAt = closedAt;
		this.closed = closed;
		this.outbox = (outbox != null) ? new ArrayList<>(outbox) : new ArrayList<>();
		this.version = version;
	}

	static CohortAlertDocument waiting(CohortAlert alert) {
		return new CohortAlertDocument(alert.id(), alert.slot(), alert.email(), alert.name(), alert.track().name(),
				alert.language().code(), alert.tokenHash(), alert.requestedAt(), alert.linkSentAt(), null, null,
				new ArrayList<>(), null);
	}

	/** The alert, or {@code null} once closed (nothing of the person is left). */
	CohortAlert toAlert() {
		if (this.closedAt != null || this.email == null) {
			return null;
		}
		return new CohortAlert(this.id, this.email, this.name, Track.valueOf(this.track),
				Language.ofCode(this.language), this.tokenHash, this.requestedAt, this.linkSentAt);
	}

	String getId() {
		return this.id;
	}

	Long getVersion() {
		return this.version;
	}

	@Override
	public List<OutboxEvent> getOutbox() {
		return this.outbox;
	}

}
