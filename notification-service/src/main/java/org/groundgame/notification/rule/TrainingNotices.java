package org.groundgame.notification.rule;

import java.util.List;

import org.groundgame.events.training.CohortAlertDue;
import org.groundgame.events.training.CohortAlertRequested;
import org.groundgame.events.training.CohortOpened;
import org.groundgame.events.training.GraduateRanForOffice;
import org.groundgame.events.training.ManageLinkIssued;
import org.groundgame.events.training.OfferExpired;
import org.groundgame.events.training.SeatOffered;
import org.groundgame.events.training.TraineeEnrolled;
import org.groundgame.events.training.TraineeGraduated;
import org.groundgame.events.training.TraineeWaitlisted;
import org.groundgame.notification.preference.domain.EmailTopic;

/** What the rules of the Campaign Leadership School's events say. */
final class TrainingNotices {

	static Notice cohortOpened(CohortOpened event) {
		String cohort = Cohorts.name(event.cohort());
		String track = Cohorts.track(event.cohort());
		String deadline = (event.applicationDeadline() != null) ? " until " + Cohorts.day(event.applicationDeadline())
				: "";
		String seats = (event.capacity() > 0) ? " It has " + event.capacity() + " seats" : "";
		int sessionCount = (event.sessions() != null) ? event.sessions().size() : 0;
		String sessions = (sessionCount > 0) ? ((seats.isEmpty() ? " It has " : " and ") + sessionCount
				+ ((sessionCount == 1) ? " session" : " sessions")) : "";
		String size = (seats.isEmpty() && sessions.isEmpty()) ? "" : seats + sessions + ".";
		String meets = Cohorts.meets(event.cohort());
		return new Notice("Applications open: " + cohort,
				"The Campaign Leadership School is taking applications for " + cohort
						+ ((track != null) ? ", " + track + (deadline.isEmpty() ? "" : ",") : "") + deadline + "."
						+ size + (meets.isEmpty() ? "" : " " + meets)
						+ "\n\nEncourage the members of your chapter who plan to run for office, or to run a "
						+ "campaign, to apply: seats go first come, first served, and those who apply once the "
						+ "cohort is full join its waitlist.");
	}

	static Notice traineeEnrolled(TraineeEnrolled event) {
		String cohort = Cohorts.name(event.cohort());
		String track = Cohorts.track(event.cohort());
		return new Notice("You have a seat in " + cohort,
				"You are enrolled in " + cohort + ((track != null) ? ", " + track : "") + " of " + Cohorts.SCHOOL + ". "
						+ Cohorts.meets(event.cohort())
						+ "\n\nPlease plan to attend every session: all of them are needed to complete the "
						+ "program. If your plans change, tell us by replying to this e-mail, so that your seat "
						+ "goes to the next person on the waitlist.");
	}

	/**
	 * The same, with the private link to the application when the event comes with the
	 * application (a secret: only the trainee's e-mail carries it).
	 */
	static Notice traineeEnrolledToPerson(TraineeEnrolled event) {
		return Cohorts.withManageLink(traineeEnrolled(event), event.manageUrl());
	}

	/**
	 * The answer to an application ({@code TraineeEnrolled}, {@code TraineeWaitlisted}),
	 * with its private link, is transactional (only this e-mail carries the link); told
	 * later (no link), it is training news.
	 * @param manageUrl the application's private link, if the event carries it
	 */
	static EmailTopic applicationAnswerTopic(String manageUrl) {
		return Notice.Link.isWebAddress(manageUrl) ? EmailTopic.TRANSACTIONAL : EmailTopic.TRAINING;
	}

	static Notice traineeEnrolledToPerson(TraineeEnrolled event, Language language) {
		if (!language.spanish()) {
			return traineeEnrolledToPerson(event);
		}
		String cohort = Cohorts.name(event.cohort(), language);
		return Cohorts.withManageLink(new Notice("Tienes un lugar en " + cohort,
				"Estás inscrito en " + cohort + " de " + CohortAlerts.school(true) + ". "
						+ CohortAlerts.meets(event.cohort(), true)
						+ "\n\nPlanea asistir a todas las sesiones: todas son necesarias para completar el programa. "
						+ "Si cambian tus planes, avísanos respondiendo a este correo, para que tu lugar pase a la "
						+ "siguiente persona de la lista de espera."),
				event.manageUrl(), language);
	}

	static Notice traineeWaitlisted(TraineeWaitlisted event) {
		String cohort = Cohorts.name(event.cohort());
		String title = (event.position() > 0) ? "You're #" + event.position() + " on the waitlist for " + cohort
				: "You're on the waitlist for " + cohort;
		String place = (event.position() > 0) ? "number " + event.position() + " in line" : "in line for a seat";
		return new Notice(title, "Thank you for applying to " + cohort + " of " + Cohorts.SCHOOL
				+ ". Every seat is taken for now, so you are on its waitlist, " + place + ". "
				+ Cohorts.meets(event.cohort())
				+ "\n\nSeats are offered strictly first come, first served: when one opens up, the first in line "
				+ "is e-mailed an offer to accept within a set time. If your plans change, tell us by replying to "
				+ "this e-mail, so that those behind you move up.");
	}

	/**
	 * The same, with the private link to the application when the event comes with the
	 * application (a secret: only the trainee's e-mail carries it).
	 */
	static Notice traineeWaitlistedToPerson(TraineeWaitlisted event) {
		return Cohorts.withManageLink(traineeWaitlisted(event), event.manageUrl());
	}

	static Notice traineeWaitlistedToPerson(TraineeWaitlisted event, Language language) {
		if (!language.spanish()) {
			return traineeWaitlistedToPerson(event);
		}
		String cohort = Cohorts.name(event.cohort(), language);
		String title = (event.position() > 0)
				? "Eres el n.º " + event.position() + " de la lista de espera de " + cohort
				: "Estás en la lista de espera de " + cohort;
		String place = (event.position() > 0) ? "en el puesto " + event.position() + " de la fila"
				: "en la fila para un lugar";
		return Cohorts.withManageLink(new Notice(title, "Gracias por inscribirte en " + cohort + " de "
				+ CohortAlerts.school(true) + ". Por ahora todos los lugares están ocupados, así que estás en su "
				+ "lista de espera, " + place + ". " + CohortAlerts.meets(event.cohort(), true)
				+ "\n\nLos lugares se ofrecen estrictamente por orden de llegada: cuando se abre uno, le enviamos "
				+ "al primero de la fila una oferta para aceptar en un plazo fijo. Si cambian tus planes, avísanos "
				+ "respondiendo a este correo, para que avancen quienes esperan detrás de ti."), event.manageUrl(),
				language);
	}

	static final String ACCEPT = "See and accept your offer";

	/**
	 * The trainee, when there is a link to send them: an offer they cannot accept is no
	 * use, and the offer expiring tells them it has gone.
	 */
	static List<Addressee> seatOfferedAddressees(SeatOffered event) {
		if (!Notice.Link.isWebAddress(event.acceptUrl())) {
			return List.of();
		}
		return Cohorts.trainee(event.enrollmentId(), event.email(), event.name());
	}

	/**
	 * What the offer is, without the link: nobody but the trainee is meant to read it,
	 * and nobody else is told ({@code audience}).
	 */
	static Notice seatOffered(SeatOffered event) {
		String cohort = Cohorts.name(event.cohort());
		String by = (event.expiresAt() != null) ? " — accept by " + Cohorts.deadline(event.expiresAt()) : "";
		String until = (event.expiresAt() != null) ? "Accept it by " + Cohorts.deadline(event.expiresAt())
				: "Accept it soon";
		return new Notice("A seat opened up for you in " + cohort + by,
				"A seat opened up in " + cohort + " of " + Cohorts.SCHOOL + ", and as the first in line it is "
						+ "yours if you want it. " + until + ": after that the offer expires and the seat goes to "
						+ "the next person in line. " + Cohorts.meets(event.cohort())
						+ "\n\nThe link in this e-mail is yours alone: anyone who has it can accept or decline in "
						+ "your name, so please do not forward this message. If you can no longer take part, "
						+ "decline, so that the seat goes to the next person at once.");
	}

	/** The same, with the private link to accept or decline. */
	static Notice seatOfferedToPerson(SeatOffered event) {
		Notice notice = seatOffered(event);
		return new Notice(notice.title(), notice.body(), new Notice.Link(ACCEPT, event.acceptUrl().strip()));
	}

	static Notice seatOfferedToPerson(SeatOffered event, Language language) {
		if (!language.spanish()) {
			return seatOfferedToPerson(event);
		}
		String cohort = Cohorts.name(event.cohort(), language);
		String by = (event.expiresAt() != null)
				? " — acéptalo antes del " + Cohorts.deadline(event.expiresAt(), language) : "";
		String until = (event.expiresAt() != null)
				? "Acéptalo antes del " + Cohorts.deadline(event.expiresAt(), language) : "Acéptalo pronto";
		return new Notice("Se abrió un lugar para ti en " + cohort + by,
				"Se abrió un lugar en " + cohort + " de " + CohortAlerts.school(true) + ", y como eres el primero "
						+ "de la fila, es tuyo si lo quieres. " + until + ": después, la oferta vence y el lugar pasa "
						+ "a la siguiente persona de la fila. " + CohortAlerts.meets(event.cohort(), true)
						+ "\n\nEl enlace de este correo es solo tuyo: cualquiera que lo tenga puede aceptar o "
						+ "rechazar en tu nombre, así que no reenvíes este mensaje. Si ya no puedes participar, "
						+ "rechaza la oferta, para que el lugar pase enseguida a la siguiente persona.",
				new Notice.Link("Ver y aceptar tu oferta", event.acceptUrl().strip()));
	}

	static Notice offerExpired(OfferExpired event) {
		String cohort = Cohorts.name(event.cohort());
		return new Notice("Your seat offer for " + cohort + " has expired",
				"The seat we offered you in " + cohort + " of " + Cohorts.SCHOOL + " was not accepted in time, so "
						+ "the offer has expired and the seat has gone to the next person in line."
						+ "\n\nIf you still want to take part, reply to this e-mail: we will gladly tell you about "
						+ "the next cohorts.");
	}

	static Notice offerExpiredToPerson(OfferExpired event, Language language) {
		if (!language.spanish()) {
			return offerExpired(event);
		}
		String cohort = Cohorts.name(event.cohort(), language);
		return new Notice("Tu oferta de lugar en " + cohort + " ha vencido",
				"El lugar que te ofrecimos en " + cohort + " de " + CohortAlerts.school(true) + " no se aceptó a "
						+ "tiempo, así que la oferta ha vencido y el lugar pasó a la siguiente persona de la fila."
						+ "\n\nSi todavía quieres participar, responde a este correo: con gusto te contaremos de los "
						+ "próximos grupos.");
	}

	static Notice traineeGraduated(TraineeGraduated event) {
		String cohort = Cohorts.name(event.cohort());
		return new Notice("A member of your chapter completed " + cohort,
				"A member of your chapter attended every session of " + cohort + " of " + Cohorts.SCHOOL
						+ " and completed it. Congratulations to them, and to your chapter for backing them: ask "
						+ "them how they would like to put what they learned to work.");
	}

	static Notice graduateRanForOffice(GraduateRanForOffice event) {
		String race = Races.describe(event.race());
		String cohort = Cohorts.name(event.cohort());
		return new Notice("A graduate of " + cohort + " is running for " + race,
				"A member of your chapter who completed " + cohort + " of " + Cohorts.SCHOOL
						+ " has been nominated for " + race + ": national staff will review the nomination for our "
						+ "endorsement.");
	}

	/** The owner of the address, when there is a link to send them. */
	static List<Addressee> manageLinkIssuedAddressees(ManageLinkIssued event) {
		if (!Notice.Link.isWebAddress(event.manageUrl())) {
			return List.of();
		}
		return Cohorts.trainee(event.enrollmentId(), event.email(), event.name());
	}

	/** What happened, without the link. */
	static Notice manageLinkIssued(ManageLinkIssued event) {
		String cohort = Cohorts.name(event.cohort());
		return new Notice("Your application to " + cohort,
				"We received an application to " + cohort + " of " + Cohorts.SCHOOL + " with this e-mail address, "
						+ "which had already applied. Nothing about your application has changed" + standing(event)
						+ ". Here is a new link to see it (or withdraw); the link we sent you before no longer "
						+ "works.\n\nIf you did not apply again, you need do nothing: someone may have typed your "
						+ "address by mistake.");
	}

	/** The same, with the new private link. */
	static Notice manageLinkIssuedToPerson(ManageLinkIssued event) {
		Notice notice = manageLinkIssued(event);
		return new Notice(notice.title(), notice.body() + "\n\nThe link in this e-mail is yours alone: anyone who "
				+ "has it can see or withdraw your application in your name, so please do not forward this message.",
				new Notice.Link(Cohorts.MANAGE, event.manageUrl().strip()));
	}

	private static String standing(ManageLinkIssued event) {
		if (event.status() == null) {
			return "";
		}
		return switch (event.status()) {
			case "ENROLLED" -> ": you have a seat";
			case "WAITLISTED" -> ": you are on the waitlist";
			case "OFFERED" -> ": a seat is offered to you";
			default -> "";
		};
	}

	static Notice manageLinkIssuedToPerson(ManageLinkIssued event, Language language) {
		if (!language.spanish()) {
			return manageLinkIssuedToPerson(event);
		}
		String cohort = Cohorts.name(event.cohort(), language);
		String standing = switch ((event.status() != null) ? event.status() : "") {
			case "ENROLLED" -> ": tienes un lugar";
			case "WAITLISTED" -> ": estás en la lista de espera";
			case "OFFERED" -> ": se te ofrece un lugar";
			default -> "";
		};
		return new Notice("Tu inscripción en " + cohort,
				"Recibimos una inscripción en " + cohort + " de " + CohortAlerts.school(true) + " con esta dirección "
						+ "de correo, que ya se había inscrito. Nada de tu inscripción ha cambiado" + standing
						+ ". Aquí tienes un enlace nuevo para verla (o retirarla); el enlace que te enviamos antes ya "
						+ "no funciona.\n\nSi no volviste a inscribirte, no tienes que hacer nada: puede que alguien "
						+ "haya escrito tu dirección por error.\n\nEl enlace de este correo es solo tuyo: cualquiera "
						+ "que lo tenga puede ver o retirar tu inscripción en tu nombre, así que no reenvíes este "
						+ "mensaje.",
				new Notice.Link(Cohorts.MANAGE_ES, event.manageUrl().strip()));
	}

	/** The owner of the address, when there is a link to stop the alert with. */
	static List<Addressee> cohortAlertRequestedAddressees(CohortAlertRequested event) {
		if (!Notice.Link.isWebAddress(event.cancelUrl())) {
			return List.of();
		}
		return CohortAlerts.owner(event.alertId(), event.email(), event.name());
	}

	/** What happened, without the link. */
	static Notice cohortAlertRequested(CohortAlertRequested event) {
		boolean es = CohortAlerts.spanish(event.language());
		String track = CohortAlerts.track(event.track(), es);
		String school = CohortAlerts.school(es);
		if (es) {
			return new Notice("Te avisaremos cuando abra el próximo grupo de " + track,
					"Nos pediste que te avisemos cuando abra el próximo grupo de " + track + " de " + school + "."
							+ (event.repeated()
									? " Esta dirección ya lo había pedido: nada ha cambiado, y el enlace que te "
											+ "enviamos antes ya no funciona."
									: "")
							+ " Te escribiremos una sola vez, cuando abra, y después olvidaremos tu dirección."
							+ "\n\nSi cambias de opinión, o si no lo pediste tú, usa el enlace para cancelar el aviso.");
		}
		return new Notice("We'll tell you when the next " + track + " cohort opens",
				"You asked us to tell you when the next cohort of the " + track + " track of " + school + " opens."
						+ (event.repeated() ? " This address had asked already: nothing has changed, and the link we "
								+ "sent you before no longer works." : "")
						+ " We will write to you once, when it opens, and then forget your address."
						+ "\n\nIf you change your mind, or did not ask for this, use the link to stop the alert.");
	}

	/** The same, with the link that stops the alert. */
	static Notice cohortAlertRequestedToPerson(CohortAlertRequested event) {
		boolean es = CohortAlerts.spanish(event.language());
		Notice notice = cohortAlertRequested(event);
		return new Notice(notice.title(),
				notice.body() + (es ? "\n\nEl enlace de este correo es solo tuyo: no reenvíes este mensaje."
						: "\n\nThe link in this e-mail is yours alone: please do not forward this message."),
				new Notice.Link(es ? "Cancelar este aviso" : "Stop this alert", event.cancelUrl().strip()));
	}

	static Notice cohortAlertDue(CohortAlertDue event) {
		boolean es = CohortAlerts.spanish(event.language());
		String cohort = Cohorts.name(event.cohort());
		String track = CohortAlerts.track(event.track(), es);
		String meets = CohortAlerts.meets(event.cohort(), es);
		if (es) {
			return new Notice("Inscripciones abiertas: " + cohort,
					"Abrió un nuevo grupo de " + track + " de " + CohortAlerts.school(es) + ": " + cohort + "."
							+ (meets.isEmpty() ? "" : " " + meets)
							+ ((event.applicationDeadline() != null) ? " Puedes inscribirte hasta el "
									+ CohortAlerts.day(event.applicationDeadline(), true) + "." : "")
							+ "\n\nNos pediste que te avisáramos. Este es el único correo del aviso: ya borramos tu "
							+ "dirección, así que no hay nada que cancelar. Para enterarte del siguiente grupo, "
							+ "pídelo de nuevo en la página de la escuela.");
		}
		return new Notice("Applications are open: " + cohort,
				"A new cohort of the " + track + " track of " + Cohorts.SCHOOL + " is open for applications: " + cohort
						+ "." + (meets.isEmpty() ? "" : " " + meets)
						+ ((event.applicationDeadline() != null)
								? " Apply by " + CohortAlerts.day(event.applicationDeadline(), false) + "." : "")
						+ "\n\nYou asked us to tell you. This is the alert's only e-mail: we have deleted your "
						+ "address, so there is nothing to stop. To hear of the next cohort after this one, ask "
						+ "again on the school's page.");
	}

	/** The same, with the cohort's page to apply on when there is one. */
	static Notice cohortAlertDueToPerson(CohortAlertDue event) {
		Notice notice = cohortAlertDue(event);
		if (!Notice.Link.isWebAddress(event.applyUrl())) {
			return notice;
		}
		boolean es = CohortAlerts.spanish(event.language());
		return new Notice(notice.title(), notice.body(), new Notice.Link(
				es ? "Ver el grupo e inscribirte" : "See the cohort and apply", event.applyUrl().strip()));
	}

	private TrainingNotices() {
	}

}
