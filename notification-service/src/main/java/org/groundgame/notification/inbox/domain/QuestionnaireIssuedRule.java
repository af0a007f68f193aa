package org.groundgame.notification.inbox.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.groundgame.events.endorsement.QuestionnaireIssued;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;
import org.groundgame.notification.preference.domain.EmailTopic;

/**
 * The candidate gets their questionnaire: one e-mail, to the address the event carries (a
 * candidate is no volunteer: the people projection does not know them), with the private
 * link to answer it. It is transactional, the reason the nominator gave the address, so
 * no consent is asked. The link is a secret and the address personal data: the message
 * goes to the candidate alone; chapters and staff hear nothing of it (they hear when the
 * questionnaire is answered, {@link QuestionnaireCompletedRule}).
 */
public final class QuestionnaireIssuedRule implements NotificationRule<QuestionnaireIssued> {

	static final String ANSWER = "Answer the questionnaire";

	private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("MMMM d, uuuu 'at' HH:mm 'UTC'",
			Locale.US);

	@Override
	public Class<QuestionnaireIssued> eventType() {
		return QuestionnaireIssued.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.NOMINATIONS;
	}

	/** No chapter: the message is the candidate's alone. */
	@Override
	public Set<String> audience(QuestionnaireIssued event, ChapterDirectory chapters) {
		return Set.of();
	}

	/**
	 * The candidate, at the event's address, when there is a link to send them; without
	 * an address or a usable link there is nothing to send.
	 */
	@Override
	public List<Addressee> addressees(QuestionnaireIssued event) {
		if (!Races.hasText(event.candidateEmail()) || !Notice.Link.isWebAddress(event.questionnaireUrl())
				|| !Races.hasText(event.nominationId())) {
			return List.of();
		}
		return List.of(new Addressee(event.nominationId(), event.candidateEmail(), event.candidateName()));
	}

	/**
	 * What the questionnaire is about, without the link: nobody but the candidate is
	 * meant to read it, and nobody else is told ({@link #audience}).
	 */
	@Override
	public Notice template(QuestionnaireIssued event) {
		String race = race(event);
		String expires = (event.expiresAt() != null) ? " The link works until " + expiry(event.expiresAt()) + "." : "";
		return new Notice("Your candidate questionnaire for " + race,
				"You have been nominated for our endorsement for " + race + ". Before national staff decide, we ask "
						+ "every candidate to answer our candidate questionnaire: it takes a few minutes, and your "
						+ "answers go to the staff who review your nomination.\n\n"
						+ "The link in this e-mail is yours alone: anyone who has it can answer in your name, so "
						+ "please do not forward this message." + expires + "\n\n"
						+ "If you did not expect this, or do not wish to be considered, reply to this e-mail and "
						+ "tell us.");
	}

	/** The same, with the private link to answer. */
	@Override
	public Notice personalTemplate(QuestionnaireIssued event) {
		Notice notice = template(event);
		return new Notice(notice.title(), notice.body(), new Notice.Link(ANSWER, event.questionnaireUrl().strip()));
	}

	private static String race(QuestionnaireIssued event) {
		String stage = Races.stage(event.race());
		return Races.describe(event.race()) + ((stage != null) ? ", " + stage : "");
	}

	static String expiry(Instant expiresAt) {
		return EXPIRY.format(expiresAt.atOffset(ZoneOffset.UTC));
	}

	private static final DateTimeFormatter EXPIRY_ES = DateTimeFormatter
		.ofPattern("d 'de' MMMM 'de' uuuu 'a las' HH:mm 'UTC'", Locale.forLanguageTag("es"));

	/**
	 * {@link #expiry(Instant)} in Spanish:
	 * {@code 3 de diciembre de 2026 a las 15:00 UTC}.
	 */
	static String expiry(Instant expiresAt, Language language) {
		return language.spanish() ? EXPIRY_ES.format(expiresAt.atOffset(ZoneOffset.UTC)) : expiry(expiresAt);
	}

	/** The private link the person asked for just now: never held back. */
	@Override
	public EmailTopic emailTopic(QuestionnaireIssued event) {
		return EmailTopic.TRANSACTIONAL;
	}

}
