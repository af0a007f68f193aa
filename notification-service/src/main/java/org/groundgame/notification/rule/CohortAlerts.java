package org.groundgame.notification.rule;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.groundgame.events.training.CohortSummary;

/**
 * The words of the school's cohort alerts ("tell me when the next cohort opens"), in the
 * language the person asked in: English, or Spanish ({@code es}).
 */
final class CohortAlerts {

	private static final Locale SPANISH = Locale.forLanguageTag("es");

	private static final DateTimeFormatter DAY_ES = DateTimeFormatter.ofPattern("EEEE d 'de' MMMM 'de' uuuu", SPANISH);

	private CohortAlerts() {
	}

	static boolean spanish(String language) {
		return language != null && language.strip().equalsIgnoreCase("es");
	}

	/**
	 * The person asking, at the address the event gives, keyed by the alert (the same for
	 * a redelivered event); nobody when the event carries no address.
	 */
	static List<Addressee> owner(String alertId, String email, String name) {
		if (!Races.hasText(alertId) || !Races.hasText(email)) {
			return List.of();
		}
		return List.of(new Addressee(alertId, email, name));
	}

	/** The track in words, e.g. {@code candidate} or {@code candidatos}. */
	static String track(String track, boolean spanish) {
		String normalized = Races.hasText(track) ? track.strip().toUpperCase(Locale.ROOT) : "";
		return switch (normalized) {
			case "CANDIDATE" -> spanish ? "candidatos" : "candidate";
			case "CAMPAIGN_MANAGER" -> spanish ? "jefes de campaña" : "campaign manager";
			case "ORGANIZER" -> spanish ? "organizadores" : "organizer";
			default -> spanish ? "la escuela" : "school";
		};
	}

	static String school(boolean spanish) {
		return spanish ? "la Escuela de Liderazgo de Campaña (Campaign Leadership School)" : Cohorts.SCHOOL;
	}

	/** When and how the cohort meets, as a sentence, in English or Spanish. */
	static String meets(CohortSummary cohort, boolean spanish) {
		if (!spanish) {
			return Cohorts.meets(cohort);
		}
		if (cohort == null) {
			return "";
		}
		String place = Races.hasText(cohort.location()) ? cohort.location().strip() : null;
		boolean online = place == null || place.equalsIgnoreCase("online");
		String format = Races.hasText(cohort.format()) ? cohort.format().strip().toUpperCase(Locale.ROOT) : "";
		String how = switch (format) {
			case "ONLINE" -> "en línea";
			case "IN_PERSON" -> online ? "en persona" : "en persona en " + place;
			case "HYBRID" -> online ? "en persona y en línea" : "en persona en " + place + " y en línea";
			default -> (place == null) ? null : (online ? "en línea" : "en " + place);
		};
		if (cohort.startsOn() == null) {
			return (how != null) ? "Se reúne " + how + "." : "";
		}
		return "Empieza el " + day(cohort.startsOn(), true) + ((how != null) ? ", " + how : "") + ".";
	}

	static String day(LocalDate day, boolean spanish) {
		return spanish ? DAY_ES.format(day) : Cohorts.day(day);
	}

}
