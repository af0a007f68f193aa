package org.groundgame.training.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.groundgame.events.training.CohortAlertDue;
import org.groundgame.events.training.CohortAlertRequested;
import org.groundgame.events.training.CohortOpened;
import org.groundgame.support.domain.FieldProblems;
import org.groundgame.support.domain.InvalidInputException;
import org.groundgame.training.cohort.Language;
import org.groundgame.training.cohort.Track;

/**
 * "Tell me when the next cohort opens": one address waiting for the next cohort of one
 * track to open, with the consent to be written to about it. One per address and track.
 * It is spent by the first cohort of its track that opens after it was asked for (one
 * e-mail, {@link CohortAlertDue}), or stopped by its owner with the private link of its
 * confirmation ({@link CohortAlertRequested}); either way the address is forgotten.
 * Nobody can read or stop it with the address alone: only the link's token does, and
 * asking again with the address changes nothing but sends its owner a new link.
 *
 * @param email normalized (stripped, lower case)
 * @param name how to greet them, or {@code null}
 * @param tokenHash the hash of the token in the latest link sent (never the token)
 * @param requestedAt when it was first asked for: only a cohort opened after it spends it
 * @param linkSentAt when the latest link was sent
 */
record CohortAlert(String id, String email, String name, Track track, Language language, String tokenHash,
		Instant requestedAt, Instant linkSentAt) {

	static final int MAX_NAME = 200;

	static final int MAX_EMAIL = 254;

	/** How long after a link was sent asking again sends none. */
	static final Duration LINK_RESEND_INTERVAL = Duration.ofMinutes(15);

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");

	CohortAlert {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(email, "email");
		Objects.requireNonNull(track, "track");
		Objects.requireNonNull(language, "language");
	}

	/**
	 * Someone asks to be told when the next cohort of a track opens.
	 * @throws InvalidInputException naming every field at fault; {@code consent} unless
	 * it is {@code true}
	 */
	static Requested request(Asked request, AlertLinks links, Instant now) {
		FieldProblems problems = new FieldProblems();
		String email = problems.required("email", request.email(), MAX_EMAIL);
		if (email != null && !EMAIL.matcher(email).matches()) {
			problems.add("email", "must be an e-mail address");
		}
		String name = problems.optional("name", request.name(), MAX_NAME);
		Track track = track(problems, request.track());
		Language language = Language.parse(problems, "language", request.language());
		if (!Boolean.TRUE.equals(request.consent())) {
			problems.add("consent", "must be true: we e-mail only those who agree to it");
		}
		problems.throwIfAny();
		String id = UUID.randomUUID().toString();
		AlertLinks.Link link = links.issue(id);
		CohortAlert alert = new CohortAlert(id, normalize(email), name, track, language, link.tokenHash(), now, now);
		return new Requested(alert, alert.requested(link, false, now));
	}

	/**
	 * The owner's address asked again about the same track: nothing changes (whoever asks
	 * may not own the address), but its owner is sent a new link, which replaces the one
	 * sent before — unless one went less than {@link #LINK_RESEND_INTERVAL} ago, so that
	 * nobody can fill the owner's mailbox by asking again and again.
	 * @return the alert with its new link and the event sending it; empty when too soon
	 */
	Optional<Requested> requestAgain(AlertLinks links, Instant now) {
		if (this.linkSentAt != null && now.isBefore(this.linkSentAt.plus(LINK_RESEND_INTERVAL))) {
			return Optional.empty();
		}
		AlertLinks.Link link = links.issue(this.id);
		CohortAlert again = new CohortAlert(this.id, this.email, this.name, this.track, this.language, link.tokenHash(),
				this.requestedAt, now);
		return Optional.of(new Requested(again, again.requested(link, true, now)));
	}

	/**
	 * Whether a cohort that opened then, on that track, is the one this alert waits for:
	 * of its track, and opened after it was asked for.
	 */
	boolean awaits(String track, Instant openedAt) {
		return this.track.name().equals(track) && this.requestedAt.isBefore(openedAt);
	}

	/**
	 * The one e-mail the opening of that cohort sends, after which the alert is spent.
	 */
	CohortAlertDue due(CohortOpened opened, AlertLinks links, Instant now) {
		return new CohortAlertDue(UUID.randomUUID().toString(), now, this.id, this.track.name(), this.language.code(),
				this.name, this.email, opened.cohort(), opened.applicationDeadline(), opened.sessions(),
				links.cohortPage(opened.cohortId()));
	}

	/** The unique key of an alert: one per address and track. */
	String slot() {
		return slot(this.track, this.email);
	}

	static String slot(Track track, String email) {
		return track.name() + ":" + normalize(email);
	}

	static String normalize(String email) {
		return (email != null) ? email.strip().toLowerCase(Locale.ROOT) : null;
	}

	private CohortAlertRequested requested(AlertLinks.Link link, boolean repeated, Instant now) {
		return new CohortAlertRequested(UUID.randomUUID().toString(), now, this.id, this.track.name(),
				this.language.code(), this.name, this.email, link.url(), repeated);
	}

	private static Track track(FieldProblems problems, String value) {
		if (value == null || value.isBlank()) {
			problems.add("track", "is required");
			return null;
		}
		try {
			return Track.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add("track", "must be one of " + java.util.List.of(Track.values()));
			return null;
		}
	}

	/**
	 * What a person asking gives.
	 *
	 * @param consent whether they agree to be e-mailed about it; must be {@code true}
	 * @param language {@code en} or {@code es} ({@code null}: English)
	 */
	record Asked(String email, String name, String track, Boolean consent, String language) {
	}

	/** An alert with the event that sends its owner the link to it. */
	record Requested(CohortAlert alert, CohortAlertRequested event) {
	}

	/** Why an alert is no longer waiting. */
	enum Closed {

		/** A cohort of its track opened and its one e-mail went. */
		SPENT,

		/** Its owner stopped it with its link. */
		CANCELLED,

		/** Its address was erased with a trainee of the same address. */
		ERASED

	}

}
