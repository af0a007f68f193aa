package org.groundgame.notification.rule;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

import org.groundgame.events.DomainEvent;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.preference.domain.EmailTopic;
import org.groundgame.notification.subscription.domain.Topic;

/**
 * A rule as {@link NotificationRules} declares it, in a few lines: the event type and the
 * topic chapters subscribe to, the audience and the template, and only what differs from
 * the defaults of {@link NotificationRule} (people, addressees, what a person or staff
 * are told, the e-mail topic). Declared once, in the table, and read only through
 * {@link NotificationRule} after that.
 *
 * @param <E> the event type
 */
final class Rule<E extends DomainEvent> implements NotificationRule<E> {

	private final Class<E> eventType;

	private final Topic subscriptionTopic;

	private Audience<E> audience = Audiences.none();

	private Function<E, Notice> template;

	private Function<E, Set<String>> people = (event) -> Set.of();

	private Function<E, List<Addressee>> addressees = (event) -> List.of();

	private Function<E, Notice> personal;

	private BiFunction<E, Language, Notice> personalIn;

	private Function<E, Language> language = (event) -> null;

	private Function<E, EmailTopic> emailTopic = (event) -> EmailTopic.NEWS;

	private Predicate<E> notifiesStaff = (event) -> false;

	private Function<E, Notice> staffTemplate;

	private Rule(Class<E> eventType, Topic subscriptionTopic) {
		this.eventType = Objects.requireNonNull(eventType, "eventType");
		this.subscriptionTopic = Objects.requireNonNull(subscriptionTopic, "subscriptionTopic");
	}

	/** A rule for one event type, under the topic chapters subscribe to hear of it. */
	static <E extends DomainEvent> Rule<E> rule(Class<E> eventType, Topic subscriptionTopic) {
		return new Rule<>(eventType, subscriptionTopic);
	}

	Rule<E> audience(Audience<E> audience) {
		this.audience = Objects.requireNonNull(audience, "audience");
		return this;
	}

	Rule<E> template(Function<E, Notice> template) {
		this.template = Objects.requireNonNull(template, "template");
		return this;
	}

	Rule<E> people(Function<E, Set<String>> people) {
		this.people = Objects.requireNonNull(people, "people");
		return this;
	}

	Rule<E> addressees(Function<E, List<Addressee>> addressees) {
		this.addressees = Objects.requireNonNull(addressees, "addressees");
		return this;
	}

	/** What a person is told, when it differs from what chapters are. */
	Rule<E> personal(Function<E, Notice> personal) {
		this.personal = Objects.requireNonNull(personal, "personal");
		return this;
	}

	/** What a person is told in their language (else {@link #personal}). */
	Rule<E> personalIn(BiFunction<E, Language, Notice> personalIn) {
		this.personalIn = Objects.requireNonNull(personalIn, "personalIn");
		return this;
	}

	Rule<E> language(Function<E, Language> language) {
		this.language = Objects.requireNonNull(language, "language");
		return this;
	}

	Rule<E> emailTopic(EmailTopic emailTopic) {
		Objects.requireNonNull(emailTopic, "emailTopic");
		return emailTopic((event) -> emailTopic);
	}

	Rule<E> emailTopic(Function<E, EmailTopic> emailTopic) {
		this.emailTopic = Objects.requireNonNull(emailTopic, "emailTopic");
		return this;
	}

	/** Staff hear of every event of the type. */
	Rule<E> notifiesStaff() {
		return notifiesStaffWhen((event) -> true);
	}

	Rule<E> notifiesStaffWhen(Predicate<E> notifiesStaff) {
		this.notifiesStaff = Objects.requireNonNull(notifiesStaff, "notifiesStaff");
		return this;
	}

	/** What staff are told, when it differs from what chapters are. */
	Rule<E> staffTemplate(Function<E, Notice> staffTemplate) {
		this.staffTemplate = Objects.requireNonNull(staffTemplate, "staffTemplate");
		return this;
	}

	@Override
	public Class<E> eventType() {
		return this.eventType;
	}

	@Override
	public Topic subscriptionTopic() {
		return this.subscriptionTopic;
	}

	@Override
	public Set<String> audience(E event, ChapterDirectory chapters) {
		return this.audience.of(event, chapters);
	}

	@Override
	public Notice template(E event) {
		return this.template.apply(event);
	}

	@Override
	public Set<String> people(E event) {
		return this.people.apply(event);
	}

	@Override
	public List<Addressee> addressees(E event) {
		return this.addressees.apply(event);
	}

	@Override
	public Notice personalTemplate(E event) {
		return (this.personal != null) ? this.personal.apply(event) : template(event);
	}

	@Override
	public Notice personalTemplate(E event, Language language) {
		return (this.personalIn != null) ? this.personalIn.apply(event, language) : personalTemplate(event);
	}

	@Override
	public Language language(E event) {
		return this.language.apply(event);
	}

	@Override
	public EmailTopic emailTopic(E event) {
		return this.emailTopic.apply(event);
	}

	@Override
	public boolean notifiesStaff(E event) {
		return this.notifiesStaff.test(event);
	}

	@Override
	public Notice staffTemplate(E event) {
		return (this.staffTemplate != null) ? this.staffTemplate.apply(event) : template(event);
	}

	@Override
	public String toString() {
		return "Rule[" + this.eventType.getSimpleName() + "]";
	}

}
