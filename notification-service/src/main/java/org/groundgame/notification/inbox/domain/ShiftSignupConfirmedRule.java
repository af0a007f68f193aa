package org.groundgame.notification.inbox.domain;

import java.util.Set;

import org.groundgame.events.volunteer.ShiftSignupConfirmed;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;
import org.groundgame.notification.preference.domain.EmailTopic;

/**
 * A volunteer who signed up for a shift and has a seat on it is told so, with when (on
 * the clock of the shift's state), where, and the link to join a virtual shift: by
 * e-mail, if they consented to it. No chapter is told of each signup (organizers read the
 * roster).
 */
public final class ShiftSignupConfirmedRule implements NotificationRule<ShiftSignupConfirmed> {

	@Override
	public Class<ShiftSignupConfirmed> eventType() {
		return ShiftSignupConfirmed.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.VOLUNTEERS;
	}

	/** No chapter: the volunteer alone is concerned. */
	@Override
	public Set<String> audience(ShiftSignupConfirmed event, ChapterDirectory chapters) {
		return Set.of();
	}

	@Override
	public Set<String> people(ShiftSignupConfirmed event) {
		return Shifts.volunteer(event.volunteerId());
	}

	@Override
	public Notice template(ShiftSignupConfirmed event) {
		return new Notice("You're signed up: " + Shifts.title(event.shift()),
				"Thank you for signing up! You have a seat on " + Shifts.describe(event.shift()) + "."
						+ Shifts.joinLine(event.shift()) + "\n\n" + Shifts.IF_PLANS_CHANGE,
				Shifts.joinLink(event.shift()));
	}

	@Override
	public Notice personalTemplate(ShiftSignupConfirmed event, Language language) {
		if (!language.spanish()) {
			return personalTemplate(event);
		}
		return new Notice("Estás inscrito: " + Shifts.title(event.shift(), language),
				"¡Gracias por inscribirte! Tienes un lugar en " + Shifts.describe(event.shift(), language) + "."
						+ Shifts.joinLine(event.shift(), language) + "\n\n" + Shifts.ifPlansChange(language),
				Shifts.joinLink(event.shift(), language));
	}

	/** About the volunteer's shifts. */
	@Override
	public EmailTopic emailTopic(ShiftSignupConfirmed event) {
		return EmailTopic.SHIFTS;
	}

}
