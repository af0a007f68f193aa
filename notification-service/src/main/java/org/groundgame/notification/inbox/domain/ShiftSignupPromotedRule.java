package org.groundgame.notification.inbox.domain;

import java.util.Set;

import org.groundgame.events.volunteer.ShiftSignupPromoted;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;
import org.groundgame.notification.preference.domain.EmailTopic;

/**
 * A seat freed on a full shift went to the first volunteer on its waitlist, who now has
 * it without doing anything: they are told at once, with when, where and the link to join
 * a virtual shift, by e-mail if they consented to it.
 */
public final class ShiftSignupPromotedRule implements NotificationRule<ShiftSignupPromoted> {

	@Override
	public Class<ShiftSignupPromoted> eventType() {
		return ShiftSignupPromoted.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.VOLUNTEERS;
	}

	/** No chapter: the volunteer alone is concerned. */
	@Override
	public Set<String> audience(ShiftSignupPromoted event, ChapterDirectory chapters) {
		return Set.of();
	}

	@Override
	public Set<String> people(ShiftSignupPromoted event) {
		return Shifts.volunteer(event.volunteerId());
	}

	@Override
	public Notice template(ShiftSignupPromoted event) {
		return new Notice("A seat opened up — you're in: " + Shifts.title(event.shift()),
				"A seat opened up and it is yours: you are now signed up for " + Shifts.describe(event.shift()) + "."
						+ Shifts.joinLine(event.shift()) + "\n\n" + Shifts.IF_PLANS_CHANGE,
				Shifts.joinLink(event.shift()));
	}

	@Override
	public Notice personalTemplate(ShiftSignupPromoted event, Language language) {
		if (!language.spanish()) {
			return personalTemplate(event);
		}
		return new Notice("Se abrió un lugar y es tuyo: " + Shifts.title(event.shift(), language),
				"Se abrió un lugar y es tuyo: ahora estás inscrito en " + Shifts.describe(event.shift(), language) + "."
						+ Shifts.joinLine(event.shift(), language) + "\n\n" + Shifts.ifPlansChange(language),
				Shifts.joinLink(event.shift(), language));
	}

	/** About the volunteer's shifts. */
	@Override
	public EmailTopic emailTopic(ShiftSignupPromoted event) {
		return EmailTopic.SHIFTS;
	}

}
