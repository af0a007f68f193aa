package org.groundgame.notification.inbox.domain;

import java.util.List;
import java.util.Set;

import org.groundgame.events.volunteer.VolunteerChangeRequested;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;
import org.groundgame.notification.preference.domain.EmailTopic;

/**
 * Someone signed up again with a volunteer's address: the person is asked, at that
 * address, to confirm the change with a single-use link; nothing changes until they do.
 * Transactional (a confirmation to the address that was typed), so no consent is asked.
 * The message tells nothing of the details asked for (whoever typed them may not be the
 * person, and must not be able to write to them through us), and the link is a secret
 * that only the e-mail ({@link #personalTemplate}) carries.
 */
public final class VolunteerChangeRequestedRule implements NotificationRule<VolunteerChangeRequested> {

	static final String CONFIRM = "Confirm the change";

	@Override
	public Class<VolunteerChangeRequested> eventType() {
		return VolunteerChangeRequested.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.VOLUNTEERS;
	}

	/** No chapter: the message is the volunteer's alone. */
	@Override
	public Set<String> audience(VolunteerChangeRequested event, ChapterDirectory chapters) {
		return Set.of();
	}

	/** The volunteer, at the event's address, when there is a link to send them. */
	@Override
	public List<Addressee> addressees(VolunteerChangeRequested event) {
		if (!Races.hasText(event.volunteerId()) || !Races.hasText(event.email())
				|| !Notice.Link.isWebAddress(event.confirmUrl())) {
			return List.of();
		}
		return List.of(new Addressee(event.volunteerId(), event.email(), event.name()));
	}

	/** What the message is, without the link. */
	@Override
	public Notice template(VolunteerChangeRequested event) {
		String until = (event.expiresAt() != null)
				? " The link works once, until " + QuestionnaireIssuedRule.expiry(event.expiresAt()) + "." : "";
		return new Notice("Confirm the change to your volunteer details",
				"Someone — we hope you — signed up to volunteer again with this address, giving new details. "
						+ "Nothing changes until you confirm it with the link in this e-mail." + until + "\n\n"
						+ "If it was not you, ignore this e-mail: your details stay as they are, and nobody learns "
						+ "anything about you. Please do not forward this message.");
	}

	/** The same, with the link that confirms the change. */
	@Override
	public Notice personalTemplate(VolunteerChangeRequested event) {
		Notice notice = template(event);
		return new Notice(notice.title(), notice.body(), new Notice.Link(CONFIRM, event.confirmUrl().strip()));
	}

	/** The same in the volunteer's language. */
	@Override
	public Notice personalTemplate(VolunteerChangeRequested event, Language language) {
		if (!language.spanish()) {
			return personalTemplate(event);
		}
		String until = (event.expiresAt() != null) ? " El enlace funciona una sola vez, hasta el "
				+ QuestionnaireIssuedRule.expiry(event.expiresAt(), language) + "." : "";
		return new Notice("Confirma el cambio de tus datos de voluntario",
				"Alguien (esperamos que tú) volvió a inscribirse como voluntario con esta dirección, con datos "
						+ "nuevos. Nada cambia hasta que lo confirmes con el enlace de este correo." + until + "\n\n"
						+ "Si no fuiste tú, ignora este correo: tus datos siguen como están, y nadie sabe nada de ti. "
						+ "No reenvíes este mensaje.",
				new Notice.Link("Confirmar el cambio", event.confirmUrl().strip()));
	}

	/** The volunteer's language, as the event says it. */
	@Override
	public Language language(VolunteerChangeRequested event) {
		return Language.told(event.language());
	}

	/** The private link the person asked for just now: never held back. */
	@Override
	public EmailTopic emailTopic(VolunteerChangeRequested event) {
		return EmailTopic.TRANSACTIONAL;
	}

}
