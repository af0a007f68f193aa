package org.groundgame.notification.inbox.domain;

import java.util.List;
import java.util.Set;

import org.groundgame.events.training.CohortAlertRequested;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;

/**
 * Someone asked to be told when the next cohort of a track opens: the address given is
 * sent a confirmation with the private link that stops the alert (transactional: the
 * confirmation is why the address was given), in the language asked in. A repeat (the
 * address had asked already) says that nothing changed and that the new link replaces the
 * old one. The link is a secret: only this e-mail carries it, and nobody else is told.
 */
public final class CohortAlertRequestedRule implements NotificationRule<CohortAlertRequested> {

	@Override
	public Class<CohortAlertRequested> eventType() {
		return CohortAlertRequested.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.TRAINING;
	}

	/** No chapter: the message is the person's alone. */
	@Override
	public Set<String> audience(CohortAlertRequested event, ChapterDirectory chapters) {
		return Set.of();
	}

	/** The owner of the address, when there is a link to stop the alert with. */
	@Override
	public List<Addressee> addressees(CohortAlertRequested event) {
		if (!Notice.Link.isWebAddress(event.cancelUrl())) {
			return List.of();
		}
		return CohortAlerts.owner(event.alertId(), event.email(), event.name());
	}

	/** What happened, without the link. */
	@Override
	public Notice template(CohortAlertRequested event) {
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
	@Override
	public Notice personalTemplate(CohortAlertRequested event) {
		boolean es = CohortAlerts.spanish(event.language());
		Notice notice = template(event);
		return new Notice(notice.title(),
				notice.body() + (es ? "\n\nEl enlace de este correo es solo tuyo: no reenvíes este mensaje."
						: "\n\nThe link in this e-mail is yours alone: please do not forward this message."),
				new Notice.Link(es ? "Cancelar este aviso" : "Stop this alert", event.cancelUrl().strip()));
	}

	/** The language asked in, for the footer too. */
	@Override
	public Language language(CohortAlertRequested event) {
		return Language.told(event.language());
	}

}
