package org.groundgame.notification.rule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashSet;
import java.util.Set;

import org.groundgame.events.volunteer.AttendanceRecorded;
import org.groundgame.events.volunteer.OpportunityCancelled;
import org.groundgame.events.volunteer.OpportunityOpened;
import org.groundgame.events.volunteer.OpportunityPublished;
import org.groundgame.events.volunteer.ShiftCancelled;
import org.groundgame.events.volunteer.ShiftReminderDue;
import org.groundgame.events.volunteer.ShiftRescheduled;
import org.groundgame.events.volunteer.ShiftSignupCancelled;
import org.groundgame.events.volunteer.ShiftSignupConfirmed;
import org.groundgame.events.volunteer.ShiftSignupPromoted;
import org.groundgame.events.volunteer.ShiftSummary;
import org.groundgame.events.volunteer.ShiftWaitlisted;
import org.groundgame.notification.chapter.domain.ChapterDirectory;

/** What the rules of opportunities, shifts and attendance say. */
final class ShiftNotices {

	static final String DRAFT = "DRAFT";

	static final String OPEN = "OPEN";

	static Set<String> opportunityOpenedAudience(OpportunityOpened event, ChapterDirectory chapters) {
		if (Opportunities.is(event.status(), DRAFT)) {
			return Races.hasText(event.chapterId()) ? Set.of(event.chapterId()) : Set.of();
		}
		if (Opportunities.is(event.status(), OPEN)) {
			return Opportunities.organizerAndState(event.chapterId(), event.state(), chapters);
		}
		return Set.of();
	}

	static Notice opportunityOpened(OpportunityOpened event) {
		String title = Shifts.title(event.title());
		String what = Opportunities.kindIn(event.type(), event.state());
		if (Opportunities.is(event.status(), DRAFT)) {
			return new Notice("Add shifts and publish: " + title,
					"A volunteer team is ready for your chapter to " + "fill: " + title + ", " + what
							+ ". It is a draft, which volunteers cannot see yet: add its "
							+ "shifts, then publish it, and volunteers can sign up.");
		}
		return new Notice("New volunteer opportunity: " + title, title + ", " + what
				+ ", is open: volunteers can sign up for its shifts now. Share it with your members.");
	}

	static Notice opportunityOpenedToStaff(OpportunityOpened event) {
		String title = Shifts.title(event.title());
		return new Notice("Add shifts and publish: " + title,
				"A volunteer team opened in draft with no chapter to organize it: " + title + ", "
						+ Opportunities.kindIn(event.type(), event.state())
						+ ". Add its shifts, then publish it, and volunteers can sign up.");
	}

	static Set<String> opportunityPublishedAudience(OpportunityPublished event, ChapterDirectory chapters) {
		return Opportunities.organizerAndState(event.chapterId(), event.state(), chapters);
	}

	static Notice opportunityPublished(OpportunityPublished event) {
		String title = Shifts.title(event.title());
		return new Notice("New volunteer opportunity: " + title,
				title + ", " + Opportunities.kindIn(event.type(), event.state())
						+ ", was published: volunteers can sign up for its shifts now. Share it with your members.");
	}

	static Notice shiftSignupConfirmed(ShiftSignupConfirmed event) {
		return new Notice("You're signed up: " + Shifts.title(event.shift()),
				"Thank you for signing up! You have a seat on " + Shifts.describe(event.shift()) + "."
						+ Shifts.joinLine(event.shift()) + "\n\n" + Shifts.IF_PLANS_CHANGE,
				Shifts.joinLink(event.shift()));
	}

	static Notice shiftSignupConfirmedToPerson(ShiftSignupConfirmed event, Language language) {
		if (!language.spanish()) {
			return shiftSignupConfirmed(event);
		}
		return new Notice("Estás inscrito: " + Shifts.title(event.shift(), language),
				"¡Gracias por inscribirte! Tienes un lugar en " + Shifts.describe(event.shift(), language) + "."
						+ Shifts.joinLine(event.shift(), language) + "\n\n" + Shifts.ifPlansChange(language),
				Shifts.joinLink(event.shift(), language));
	}

	static Notice shiftWaitlisted(ShiftWaitlisted event) {
		String place = (event.position() > 0) ? "number " + event.position() + " in line" : "in line for a seat";
		return new Notice("You're on the waitlist: " + Shifts.title(event.shift()),
				"The shift you signed up for is full: " + Shifts.describe(event.shift()) + ". You are on its waitlist, "
						+ place + "."
						+ "\n\nIf a seat opens up, it goes to the first in line automatically, and we will tell you "
						+ "at once. If your plans change, please cancel your signup so that those behind you move up.");
	}

	static Notice shiftWaitlistedToPerson(ShiftWaitlisted event, Language language) {
		if (!language.spanish()) {
			return shiftWaitlisted(event);
		}
		String place = (event.position() > 0) ? "en el puesto " + event.position() + " de la fila"
				: "en la fila para un lugar";
		return new Notice("Estás en la lista de espera: " + Shifts.title(event.shift(), language),
				"El turno en el que te inscribiste está lleno: " + Shifts.describe(event.shift(), language)
						+ ". Estás en su lista de espera, " + place + "."
						+ "\n\nSi se abre un lugar, pasa automáticamente al primero de la fila, y te avisaremos "
						+ "enseguida. Si cambian tus planes, cancela tu inscripción para que avancen quienes "
						+ "esperan detrás de ti.");
	}

	static Notice shiftSignupPromoted(ShiftSignupPromoted event) {
		return new Notice("A seat opened up — you're in: " + Shifts.title(event.shift()),
				"A seat opened up and it is yours: you are now signed up for " + Shifts.describe(event.shift()) + "."
						+ Shifts.joinLine(event.shift()) + "\n\n" + Shifts.IF_PLANS_CHANGE,
				Shifts.joinLink(event.shift()));
	}

	static Notice shiftSignupPromotedToPerson(ShiftSignupPromoted event, Language language) {
		if (!language.spanish()) {
			return shiftSignupPromoted(event);
		}
		return new Notice("Se abrió un lugar y es tuyo: " + Shifts.title(event.shift(), language),
				"Se abrió un lugar y es tuyo: ahora estás inscrito en " + Shifts.describe(event.shift(), language) + "."
						+ Shifts.joinLine(event.shift(), language) + "\n\n" + Shifts.ifPlansChange(language),
				Shifts.joinLink(event.shift(), language));
	}

	static final String VOLUNTEER = "VOLUNTEER";

	static final String ORGANIZER = "ORGANIZER";

	static Set<String> shiftSignupCancelledPeople(ShiftSignupCancelled event) {
		boolean told = Opportunities.is(event.reason(), VOLUNTEER) || Opportunities.is(event.reason(), ORGANIZER);
		return told ? Shifts.volunteer(event.volunteerId()) : Set.of();
	}

	static Notice shiftSignupCancelled(ShiftSignupCancelled event) {
		String what = (event.wasWaitlisted() ? "your place on the waitlist of " : "your signup for ")
				+ Shifts.describe(event.shift());
		if (Opportunities.is(event.reason(), ORGANIZER)) {
			return new Notice("Your signup was cancelled: " + Shifts.title(event.shift()),
					"The organizers of the shift cancelled " + what + ".\n\nIf you think this is a mistake, or "
							+ "want to help another time, reply to this e-mail. Thank you for signing up!");
		}
		return new Notice("Signup cancelled: " + Shifts.title(event.shift()),
				"As you asked, " + what + " is cancelled."
						+ (event.wasWaitlisted() ? ""
								: " Thank you for letting us know: your seat goes to the next volunteer in line.")
						+ "\n\nWe hope to see you at another shift soon.");
	}

	static Notice shiftSignupCancelledToPerson(ShiftSignupCancelled event, Language language) {
		if (!language.spanish()) {
			return shiftSignupCancelled(event);
		}
		String what = (event.wasWaitlisted() ? "tu lugar en la lista de espera de " : "tu inscripción en ")
				+ Shifts.describe(event.shift(), language);
		if (Opportunities.is(event.reason(), ORGANIZER)) {
			return new Notice("Se canceló tu inscripción: " + Shifts.title(event.shift(), language),
					"Los organizadores del turno cancelaron " + what + ".\n\nSi crees que es un error, o quieres "
							+ "ayudar en otra ocasión, responde a este correo. ¡Gracias por inscribirte!");
		}
		return new Notice("Inscripción cancelada: " + Shifts.title(event.shift(), language),
				"Como pediste, cancelamos " + what + "."
						+ (event.wasWaitlisted() ? ""
								: " Gracias por avisarnos: tu lugar pasa al siguiente voluntario de la lista.")
						+ "\n\nEsperamos verte pronto en otro turno.");
	}

	static Notice shiftReminderDue(ShiftReminderDue event) {
		ShiftSummary shift = event.shift();
		String title = Shifts.title(shift);
		String subject = (shift != null && shift.startsAt() != null) ? "Reminder: " + title + " "
				+ Shifts.dayFrom(shift, event.occurredAt()) + ", " + Shifts.startTime(shift) : "Reminder: " + title;
		return new Notice(subject, "A reminder of your shift: " + Shifts.describe(shift) + "." + Shifts.joinLine(shift)
				+ "\n\n" + Shifts.IF_PLANS_CHANGE + " Thank you for volunteering!", Shifts.joinLink(shift));
	}

	static Notice shiftReminderDueToPerson(ShiftReminderDue event, Language language) {
		if (!language.spanish()) {
			return shiftReminderDue(event);
		}
		ShiftSummary shift = event.shift();
		String title = Shifts.title(shift, language);
		String subject = (shift != null && shift.startsAt() != null) ? "Recordatorio: " + title + " "
				+ Shifts.dayFrom(shift, event.occurredAt(), language) + ", " + Shifts.startTime(shift, language)
				: "Recordatorio: " + title;
		return new Notice(subject,
				"Te recordamos tu turno: " + Shifts.describe(shift, language) + "." + Shifts.joinLine(shift, language)
						+ "\n\n" + Shifts.ifPlansChange(language) + " ¡Gracias por tu voluntariado!",
				Shifts.joinLink(shift, language));
	}

	static Notice attendanceRecorded(AttendanceRecorded event) {
		String hours = hours(event.hours());
		return new Notice("Thank you for volunteering: " + Shifts.title(event.shift()),
				"Thank you for coming to " + Shifts.describe(event.shift()) + "!"
						+ ((hours != null) ? " We recorded " + hours + " of volunteering for you." : "")
						+ "\n\nEvery conversation, call and door knocked brings our candidates closer to winning. "
						+ "We hope to see you at another shift soon.");
	}

	/**
	 * Hours as people say them: {@code 1 hour}, {@code 3 hours}, {@code 2.5 hours}
	 * (rounded to hundredths); {@code null} for none.
	 */
	static String hours(double hours) {
		if (!(hours > 0) || Double.isInfinite(hours)) {
			return null;
		}
		BigDecimal rounded = BigDecimal.valueOf(hours).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
		String number = rounded.toPlainString();
		return number + ((rounded.compareTo(BigDecimal.ONE) == 0) ? " hour" : " hours");
	}

	static Notice attendanceRecordedToPerson(AttendanceRecorded event, Language language) {
		if (!language.spanish()) {
			return attendanceRecorded(event);
		}
		String hours = hours(event.hours());
		String horas = (hours != null) ? hours.replace(" hours", " horas").replace(" hour", " hora") : null;
		return new Notice("Gracias por tu voluntariado: " + Shifts.title(event.shift(), language),
				"¡Gracias por venir a " + Shifts.describe(event.shift(), language) + "!"
						+ ((horas != null) ? " Registramos " + horas + " de voluntariado a tu nombre." : "")
						+ "\n\nCada conversación, cada llamada y cada puerta tocada acerca a nuestros candidatos a "
						+ "la victoria. Esperamos verte pronto en otro turno.");
	}

	static Set<String> shiftCancelledAudience(ShiftCancelled event, ChapterDirectory chapters) {
		String chapterId = (event.shift() != null) ? event.shift().chapterId() : null;
		return (!event.withOpportunity() && Races.hasText(chapterId)) ? Set.of(chapterId) : Set.of();
	}

	static boolean shiftCancelledNotifiesStaff(ShiftCancelled event) {
		return !event.withOpportunity() && (event.shift() == null || !Races.hasText(event.shift().chapterId()));
	}

	static Set<String> shiftCancelledPeople(ShiftCancelled event) {
		Set<String> people = new LinkedHashSet<>();
		for (String volunteerId : event.volunteerIds()) {
			people.addAll(Shifts.volunteer(volunteerId));
		}
		return people;
	}

	/** What the organizers' inbox keeps: what was cancelled, why, and whom it told. */
	static Notice shiftCancelled(ShiftCancelled event) {
		int told = event.volunteerIds().size();
		return new Notice("Shift cancelled: " + Shifts.title(event.shift()),
				"The shift " + Shifts.describe(event.shift()) + " was cancelled. Reason: " + reason(event) + "\n\n"
						+ ((told == 0) ? "Nobody had signed up for it."
								: told + ((told == 1) ? " volunteer was" : " volunteers were")
										+ " told (by e-mail, those who agreed to hear from us)."));
	}

	static Notice shiftCancelledToPerson(ShiftCancelled event) {
		return new Notice("Cancelled: " + Shifts.title(event.shift()),
				"We're sorry: the organizers cancelled " + Shifts.describe(event.shift())
						+ ". You don't need to do anything; your signup is off.\n\nTheir reason: " + reason(event)
						+ "\n\nThank you for signing up. We hope to see you at another shift soon.");
	}

	static Notice shiftCancelledToPerson(ShiftCancelled event, Language language) {
		if (!language.spanish()) {
			return shiftCancelledToPerson(event);
		}
		return new Notice("Cancelado: " + Shifts.title(event.shift(), language),
				"Lo sentimos: los organizadores cancelaron " + Shifts.describe(event.shift(), language)
						+ ". No tienes que hacer nada; tu inscripción queda sin efecto.\n\nSu motivo: " + reason(event)
						+ "\n\nGracias por inscribirte. Esperamos verte pronto en otro turno.");
	}

	private static String reason(ShiftCancelled event) {
		return Races.hasText(event.reason()) ? event.reason().strip() : "—";
	}

	static Set<String> shiftRescheduledAudience(ShiftRescheduled event, ChapterDirectory chapters) {
		String chapterId = (event.shift() != null) ? event.shift().chapterId() : null;
		return Races.hasText(chapterId) ? Set.of(chapterId) : Set.of();
	}

	static Set<String> shiftRescheduledPeople(ShiftRescheduled event) {
		Set<String> people = new LinkedHashSet<>();
		for (String volunteerId : event.volunteerIds()) {
			people.addAll(Shifts.volunteer(volunteerId));
		}
		return people;
	}

	static Notice shiftRescheduled(ShiftRescheduled event) {
		int told = event.volunteerIds().size();
		return new Notice("Shift moved: " + Shifts.title(event.shift()),
				"The shift of " + Shifts.on(previous(event)) + " is now " + Shifts.on(event.shift())
						+ Shifts.where(event.shift()) + ".\n\n"
						+ ((told == 0) ? "Nobody had signed up for it yet."
								: told + ((told == 1) ? " volunteer was" : " volunteers were")
										+ " told (by e-mail, those who agreed to hear from us)."));
	}

	static Notice shiftRescheduledToPerson(ShiftRescheduled event) {
		return new Notice("New time: " + Shifts.title(event.shift()),
				"The organizers moved " + Shifts.title(event.shift()) + ": it was to be " + Shifts.on(previous(event))
						+ Shifts.where(previous(event)) + ", and is now " + Shifts.on(event.shift())
						+ Shifts.where(event.shift())
						+ ". Your place is kept, and your calendar feed shows the new time."
						+ Shifts.joinLine(event.shift()) + "\n\n" + Shifts.IF_PLANS_CHANGE,
				Shifts.joinLink(event.shift()));
	}

	static Notice shiftRescheduledToPerson(ShiftRescheduled event, Language language) {
		if (!language.spanish()) {
			return shiftRescheduledToPerson(event);
		}
		return new Notice("Nuevo horario: " + Shifts.title(event.shift(), language),
				"Los organizadores cambiaron " + Shifts.title(event.shift(), language) + ": iba a ser "
						+ Shifts.on(previous(event), language) + Shifts.where(previous(event), language)
						+ ", y ahora es " + Shifts.on(event.shift(), language) + Shifts.where(event.shift(), language)
						+ ". Conservas tu lugar, y tu calendario muestra el nuevo horario."
						+ Shifts.joinLine(event.shift(), language) + "\n\n" + Shifts.ifPlansChange(language),
				Shifts.joinLink(event.shift(), language));
	}

	/** The shift as it was to be. */
	private static ShiftSummary previous(ShiftRescheduled event) {
		ShiftSummary now = event.shift();
		if (now == null) {
			return new ShiftSummary(null, null, null, null, null, null, event.previousStartsAt(),
					event.previousEndsAt(), event.previousLocation(), null);
		}
		return new ShiftSummary(now.opportunityId(), now.title(), now.type(), now.state(), now.chapterId(),
				now.endorsementId(), event.previousStartsAt(), event.previousEndsAt(), event.previousLocation(),
				Races.hasText(event.previousLocation()) ? null : now.virtualLink());
	}

	static Notice opportunityCancelled(OpportunityCancelled event) {
		String title = Shifts.title(event.title());
		int shifts = event.shiftsCancelled();
		return new Notice("Opportunity cancelled: " + title,
				title + ", " + Opportunities.kindIn(event.type(), event.state()) + ", was cancelled. Reason: "
						+ (Races.hasText(event.reason()) ? event.reason().strip() : "—") + "\n\n"
						+ ((shifts == 0) ? "No shift was still to come."
								: shifts + ((shifts == 1) ? " shift" : " shifts")
										+ " still to come were cancelled with it, and their volunteers told."));
	}

	private ShiftNotices() {
	}

}
