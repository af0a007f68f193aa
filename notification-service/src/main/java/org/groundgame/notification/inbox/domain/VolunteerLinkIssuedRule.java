package org.groundgame.notification.inbox.domain;

import java.util.List;
import java.util.Set;

import org.groundgame.events.volunteer.VolunteerLinkIssued;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;
import org.groundgame.notification.preference.domain.EmailTopic;

/**
 * A volunteer gets their private link (on their first sign-up, and again once they
 * confirmed a change of their details): one e-mail to the address the event carries, with
 * the link to RSVP and manage their signups as its button and the address of their own
 * calendar feed. It is transactional (why the address was given: without it the volunteer
 * cannot RSVP), so no consent is asked. Both links are secrets and only the e-mail
 * ({@link #personalTemplate}) carries them; no chapter, no staff, no inbox, no webhook
 * hears of it.
 */
public final class VolunteerLinkIssuedRule implements NotificationRule<VolunteerLinkIssued> {

	static final String MANAGE = "RSVP and manage your shifts";

	@Override
	public Class<VolunteerLinkIssued> eventType() {
		return VolunteerLinkIssued.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.VOLUNTEERS;
	}

	/** No chapter: the message is the volunteer's alone. */
	@Override
	public Set<String> audience(VolunteerLinkIssued event, ChapterDirectory chapters) {
		return Set.of();
	}

	/** The volunteer, at the event's address, when there is a link to send them. */
	@Override
	public List<Addressee> addressees(VolunteerLinkIssued event) {
		if (!Races.hasText(event.volunteerId()) || !Races.hasText(event.email())
				|| !Notice.Link.isWebAddress(event.manageUrl())) {
			return List.of();
		}
		return List.of(new Addressee(event.volunteerId(), event.email(), event.name()));
	}

	/** What the message is, without either link. */
	@Override
	public Notice template(VolunteerLinkIssued event) {
		return new Notice("Your volunteer link",
				"Thank you for volunteering. With the link in this e-mail you can RSVP for shifts, and confirm or "
						+ "cancel your signups, without an account or a password.\n\n"
						+ "The link is yours alone: anyone who has it can sign up or cancel in your name, so please do "
						+ "not forward this message. If you lose it, sign up again with this address: you will be sent "
						+ "a new one, and this one will stop working.\n\n"
						+ "If you did not sign up, reply to this e-mail and tell us.");
	}

	/** The same, with the private link as the button and the calendar feed's address. */
	@Override
	public Notice personalTemplate(VolunteerLinkIssued event) {
		Notice notice = template(event);
		String calendar = Notice.Link.isWebAddress(event.calendarUrl())
				? "\n\nYour own calendar of the shifts you signed up for, to subscribe to in your calendar app (keep "
						+ "it to yourself too: it shows where and when you will be): " + event.calendarUrl().strip()
				: "";
		return new Notice(notice.title(), notice.body() + calendar, new Notice.Link(MANAGE, event.manageUrl().strip()));
	}

	/** The private link the person asked for just now: never held back. */
	@Override
	public EmailTopic emailTopic(VolunteerLinkIssued event) {
		return EmailTopic.TRANSACTIONAL;
	}

}
