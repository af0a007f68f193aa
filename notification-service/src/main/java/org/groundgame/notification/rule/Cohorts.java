package org.groundgame.notification.rule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.groundgame.events.training.CohortSummary;

/**
 * How a cohort of the Campaign Leadership School, and a trainee's place in it, are named
 * in notifications.
 */
final class Cohorts {

	static final String SCHOOL = "the Campaign Leadership School";

	/** How the link to a trainee's own application is labelled. */
	static final String MANAGE = "See or withdraw your application";

	static final String MANAGE_ES = "Ver o retirar tu inscripción";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d, uuuu", Locale.US);

	private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("MMMM d, uuuu 'at' HH:mm 'UTC'",
			Locale.US);

	private Cohorts() {
	}

	/** The cohort's name, e.g. {@code Spring 2027 Candidate Cohort}. */
	static String name(CohortSummary cohort) {
		return (cohort != null && Races.hasText(cohort.name())) ? cohort.name().strip() : "a cohort of " + SCHOOL;
	}

	/**
	 * When and how the cohort meets, as a sentence, e.g. {@code It starts on Saturday,
	 * January 9, 2027, in person at 1 Loockerman St, Dover.}; empty when nothing is
	 * known.
	 */
	static String meets(CohortSummary cohort) {
		if (cohort == null) {
			return "";
		}
		String how = how(cohort.format(), cohort.location());
		if (cohort.startsOn() == null) {
			return (how != null) ? "It meets " + how + "." : "";
		}
		return "It starts on " + day(cohort.startsOn()) + ((how != null) ? ", " + how : "") + ".";
	}

	/**
	 * The track in words, e.g. {@code the candidate track}; {@code null} when none or one
	 * not known yet.
	 */
	static String track(CohortSummary cohort) {
		if (cohort == null || !Races.hasText(cohort.track())) {
			return null;
		}
		return switch (cohort.track().strip().toUpperCase(Locale.ROOT)) {
			case "CANDIDATE" -> "the candidate track";
			case "CAMPAIGN_MANAGER" -> "the campaign manager track";
			case "ORGANIZER" -> "the organizer track";
			default -> null;
		};
	}

	static String day(LocalDate day) {
		return DAY.format(day);
	}

	static String deadline(Instant instant) {
		return DEADLINE.format(instant.atOffset(ZoneOffset.UTC));
	}

	/**
	 * The trainee, at the address the event gives, keyed by their enrollment (the same
	 * for a redelivered event); nobody when the event carries no address.
	 */
	static List<Addressee> trainee(String enrollmentId, String email, String name) {
		if (!Races.hasText(enrollmentId) || !Races.hasText(email)) {
			return List.of();
		}
		return List.of(new Addressee(enrollmentId, email, name));
	}

	/**
	 * {@code in person at …}, {@code online}, {@code in person at … and online}; a format
	 * not known yet is told by its location alone.
	 */
	private static String how(String format, String location) {
		String place = Races.hasText(location) ? location.strip() : null;
		boolean placeIsOnline = place != null && place.equalsIgnoreCase("online");
		String normalized = Races.hasText(format) ? format.strip().toUpperCase(Locale.ROOT) : "";
		return switch (normalized) {
			case "ONLINE" -> "online";
			case "IN_PERSON" -> (place != null && !placeIsOnline) ? "in person at " + place : "in person";
			case "HYBRID" ->
				(place != null && !placeIsOnline) ? "in person at " + place + " and online" : "in person and online";
			default -> (place == null) ? null : (placeIsOnline ? "online" : "at " + place);
		};
	}

	/**
	 * A message to the trainee with the private link to their application, when there is
	 * one: a secret, so only the trainee's own e-mail carries it.
	 */
	static Notice withManageLink(Notice notice, String manageUrl, Language language) {
		if (!language.spanish() || !Notice.Link.isWebAddress(manageUrl)) {
			return withManageLink(notice, manageUrl);
		}
		return new Notice(notice.title(),
				notice.body() + "\n\nEl enlace de este correo es solo tuyo: cualquiera que "
						+ "lo tenga puede ver o retirar tu inscripción en tu nombre, así que no reenvíes este mensaje.",
				new Notice.Link(MANAGE_ES, manageUrl.strip()));
	}

	/**
	 * The cohort's name, or in Spanish {@code un grupo de la Escuela…} when it has none.
	 */
	static String name(CohortSummary cohort, Language language) {
		return (language.spanish() && (cohort == null || !Races.hasText(cohort.name())))
				? "un grupo de " + CohortAlerts.school(true) : name(cohort);
	}

	private static final DateTimeFormatter DEADLINE_ES = DateTimeFormatter
		.ofPattern("d 'de' MMMM 'de' uuuu 'a las' HH:mm 'UTC'", Locale.forLanguageTag("es"));

	static String deadline(Instant instant, Language language) {
		return language.spanish() ? DEADLINE_ES.format(instant.atOffset(ZoneOffset.UTC)) : deadline(instant);
	}

	static Notice withManageLink(Notice notice, String manageUrl) {
		if (!Notice.Link.isWebAddress(manageUrl)) {
			return notice;
		}
		return new Notice(notice.title(), notice.body() + "\n\nThe link in this e-mail is yours alone: anyone who has "
				+ "it can see or withdraw your application in your name, so please do not forward this message.",
				new Notice.Link(MANAGE, manageUrl.strip()));
	}

}
