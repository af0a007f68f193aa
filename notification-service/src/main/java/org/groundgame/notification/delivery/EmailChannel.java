package org.groundgame.notification.delivery;

import java.time.Duration;
import java.time.Instant;

import org.groundgame.notification.delivery.domain.AttemptResult;
import org.groundgame.notification.delivery.domain.Channel;
import org.groundgame.notification.delivery.domain.Content;
import org.groundgame.notification.delivery.domain.Delivery;
import org.groundgame.notification.email.EmailMessage;
import org.groundgame.notification.email.EmailResult;
import org.groundgame.notification.email.EmailSender;
import org.groundgame.notification.people.domain.People;
import org.groundgame.notification.preference.domain.EmailChoices;

import org.springframework.stereotype.Component;

/**
 * E-mail attempts, with the delivery's id as the message's {@code Message-ID}, so that a
 * retried mail is recognisably the same message. Consent is asked again at every attempt:
 * a person who withdrew it (or was erased) since the delivery was planned gets nothing,
 * and so are a person's e-mail preferences: a topic left since gets nothing either.
 */
@Component
class EmailChannel implements ChannelSender {

	private final EmailSender sender;

	private final People people;

	private final EmailChoices preferences;

	EmailChannel(EmailSender sender, People people, EmailChoices preferences) {
		this.sender = sender;
		this.people = people;
		this.preferences = preferences;
	}

	@Override
	public Channel channel() {
		return Channel.EMAIL;
	}

	@Override
	public AttemptResult attempt(Delivery delivery, Instant at) {
		String personId = delivery.recipient().personId();
		if (personId != null && this.people.byId(personId)
			.filter((person) -> person.mayBeEmailed() && person.email().equals(delivery.address()))
			.isEmpty()) {
			return AttemptResult.giveUp("NO_CONSENT", null,
					"the person withdrew consent to e-mail, changed address or was erased", null);
		}
		Content content = delivery.content();
		if (content != null && content.topic() != null && delivery.address() != null
				&& !this.preferences.allows(delivery.address(), content.topic())) {
			return AttemptResult.giveUp("UNSUBSCRIBED", null,
					"the person's e-mail preferences hold back e-mail of this topic", null);
		}
		if (content == null || content.text() == null || content.html() == null) {
			return AttemptResult.giveUp("FORGOTTEN", null, "the message was not kept", null);
		}
		long started = System.nanoTime();
		EmailResult result = this.sender.send(new EmailMessage(delivery.id(), delivery.address(), content.subject(),
				content.text(), content.html(), content.listUnsubscribe()));
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		String outcome = result.outcome().name();
		return switch (result.outcome()) {
			case SENT -> AttemptResult.delivered(outcome, null, took);
			case FAILED -> AttemptResult.retry(outcome, null, null, result.detail(), took);
			case REJECTED -> AttemptResult.giveUp(outcome, null, result.detail(), took);
		};
	}

}
