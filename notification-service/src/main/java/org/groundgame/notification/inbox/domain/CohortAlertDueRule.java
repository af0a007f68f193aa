package org.groundgame.notification.inbox.domain;

import java.util.List;
import java.util.Set;

import org.groundgame.events.training.CohortAlertDue;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;

/**
 * A cohort of the track someone asked about opened: they are e-mailed once, in the
 * language they asked in, with the cohort, its dates and where to apply. The alert is
 * spent (the school forgot the address) and the message says so: there is nothing left to
 * stop. No chapter, staff, inbox or webhook hears of it (chapters hear of the cohort from
 * {@code CohortOpened}).
 */
public final class CohortAlertDueRule implements NotificationRule<CohortAlertDue> {

	@Override
	public Class<CohortAlertDue> eventType() {
		return CohortAlertDue.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.TRAINING;
	}

	/** No chapter: the message is the person's alone. */
	@Override
	public Set<String> audience(CohortAlertDue event, ChapterDirectory chapters) {
		return Set.of();
	}

	@Override
	public List<Addressee> addressees(CohortAlertDue event) {
		return CohortAlerts.owner(event.alertId(), event.email(), event.name());
	}

	@Override
	public Notice template(CohortAlertDue event) {
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
	@Override
	public Notice personalTemplate(CohortAlertDue event) {
		Notice notice = template(event);
		if (!Notice.Link.isWebAddress(event.applyUrl())) {
			return notice;
		}
		boolean es = CohortAlerts.spanish(event.language());
		return new Notice(notice.title(), notice.body(), new Notice.Link(
				es ? "Ver el grupo e inscribirte" : "See the cohort and apply", event.applyUrl().strip()));
	}

	/** The language asked in, for the footer too. */
	@Override
	public Language language(CohortAlertDue event) {
		return Language.told(event.language());
	}

}
