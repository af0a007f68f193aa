package org.groundgame.notification.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import org.groundgame.notification.rule.Notice;
import org.jspecify.annotations.Nullable;

/**
 * Turns notices into e-mails, plain text and HTML, from the Mustache templates under
 * {@code templates/email/} on the class path:
 * <ul>
 * <li>{@code notice.txt.mustache} and {@code notice.html.mustache} for any event type;
 * <li>{@code <EventName>.txt.mustache} / {@code <EventName>.html.mustache} where an event
 * type wants its own (the CloudEvents type's simple name: {@code EndorsementGranted} for
 * {@code org.groundgame.endorsement.EndorsementGranted.v1}), each part on its own;
 * <li>{@code digest.txt.mustache} and {@code digest.html.mustache} for a day's digest;
 * <li>partials {@code _header} and {@code _footer}: the footer says why the recipient
 * gets the message and how to change that; {@code _link}: the notice's link, if it has
 * one (a button in HTML, the address on a line of its own in text).
 * </ul>
 * The words around a notice (the greeting, the button's fallback, the footer) come from
 * the bundle {@code templates/email/messages*.properties}: in the person's language for
 * an e-mail to a person (the {@link PreferenceLinks#locale()}), in English for a
 * chapter's. What the notice itself says is the rule's, already in that language. A new
 * event type needs no code here: the default pair serves it, and a template file is all
 * it takes to give it its own. The HTML templates escape every value (a candidate named
 * {@code <script>} stays text); the text templates escape nothing. No images, no
 * tracking.
 */
public class EmailTemplates {

	static final String LOCATION = "templates/email/";

	private static final Pattern VERSION_SUFFIX = Pattern.compile("\\.v[0-9]+$");

	private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d, uuuu", Locale.US);

	private final ClassLoader classLoader;

	private final String productName;

	private final Mustache.Compiler text;

	private final Mustache.Compiler html;

	private final Map<String, Optional<Template>> templates = new ConcurrentHashMap<>();

	public EmailTemplates() {
		this(EmailTemplates.class.getClassLoader(), "Ground Game");
	}

	/**
	 * Templates from a class loader.
	 * @param classLoader where {@code templates/email/} is
	 * @param productName how the messages name the platform, e.g. {@code Ground Game}
	 */
	EmailTemplates(ClassLoader classLoader, String productName) {
		this.classLoader = classLoader;
		this.productName = productName;
		Mustache.Compiler strict = Mustache.compiler().nullValue("").emptyStringIsFalse(true);
		this.text = strict.escapeHTML(false).withLoader((name) -> reader(name + ".txt"));
		this.html = strict.escapeHTML(true).withLoader((name) -> reader(name + ".html"));
	}

	/**
	 * One notification to one recipient, whose footer speaks to a chapter (its
	 * subscription brought it).
	 * @param messageId the message's id, the same for every attempt to send it
	 * @param to the recipient's address
	 * @param eventType the CloudEvents type, e.g.
	 * {@code org.groundgame.endorsement.EndorsementGranted.v1}
	 * @param notice what to say
	 * @param recipientName how to greet the recipient (a chapter's name), or {@code null}
	 * @return the message
	 */
	public EmailMessage notice(String messageId, String to, String eventType, Notice notice,
			@Nullable String recipientName) {
		return notice(messageId, to, eventType, notice, recipientName, Audience.CHAPTER);
	}

	/**
	 * One notification to one recipient.
	 * @param messageId the message's id, the same for every attempt to send it
	 * @param to the recipient's address
	 * @param eventType the CloudEvents type, e.g.
	 * {@code org.groundgame.endorsement.EndorsementGranted.v1}
	 * @param notice what to say
	 * @param recipientName how to greet the recipient, or {@code null}
	 * @param audience whether the recipient is a chapter (subscribed), a person
	 * (consented) or an addressee (written to about what happened to them), which the
	 * footer says
	 * @return the message
	 */
	public EmailMessage notice(String messageId, String to, String eventType, Notice notice,
			@Nullable String recipientName, Audience audience) {
		return notice(messageId, to, eventType, notice, recipientName, audience, null);
	}

	/**
	 * One notification to a person, with the links to their e-mail preferences: the
	 * footer says what the message is about and links to the preferences page, and the
	 * message carries the one-click unsubscribe (RFC 8058) in its headers.
	 * @param messageId the message's id, the same for every attempt to send it
	 * @param to the recipient's address
	 * @param eventType the CloudEvents type
	 * @param notice what to say
	 * @param recipientName how to greet the recipient, or {@code null}
	 * @param audience a person or an addressee
	 * @param preferences the links to the person's preferences, or {@code null} for none
	 * @return the message
	 */
	public EmailMessage notice(String messageId, String to, String eventType, Notice notice,
			@Nullable String recipientName, Audience audience, @Nullable PreferenceLinks preferences) {
		Objects.requireNonNull(notice, "notice");
		String eventName = eventName(eventType);
		// A person's e-mail speaks their language (its footer's links say which); a
		// chapter's is in English.
		Locale locale = (audience != Audience.CHAPTER && preferences != null) ? preferences.locale() : Locale.ENGLISH;
		Map<String, Object> model = model(recipientName, audience, locale);
		model.put("eventType", eventType);
		model.put("eventName", eventName);
		model.put("title", notice.title());
		model.put("body", notice.body());
		List<String> paragraphs = paragraphs(notice.body());
		model.put("paragraphs", paragraphs);
		// Where a notice has a link, it follows the first paragraph, which says what it
		// is.
		model.put("lead", paragraphs.isEmpty() ? null : paragraphs.get(0));
		model.put("more", paragraphs.isEmpty() ? List.of() : paragraphs.subList(1, paragraphs.size()));
		if (notice.link() != null) {
			model.put("link", Map.of("label", notice.link().label(), "url", notice.link().url()));
		}
		if (preferences != null) {
			model.put("preferences", footer(preferences, messages(locale)));
		}
		String name = (eventName != null) ? eventName : "notice";
		return new EmailMessage(messageId, to, notice.title(), render(this.text, name, "notice", ".txt", model),
				render(this.html, name, "notice", ".html", model),
				(preferences != null) ? preferences.oneClick() : null);
	}

	/**
	 * The footer's lines about the person's preferences, in their language (English
	 * unless a bundle of theirs exists:
	 * {@code templates/email/messages_<lang>.properties}).
	 */
	private Map<String, Object> footer(PreferenceLinks preferences, ResourceBundle messages) {
		String text = (preferences.topicKey() != null)
				? new MessageFormat(messages.getString("email.footer.topic"), preferences.locale())
					.format(new Object[] { messages.getString(preferences.topicKey()) })
				: messages.getString("email.footer.transactional");
		return Map.of("text", text, "url", preferences.page(), "linkLabel", messages.getString("email.footer.link"));
	}

	/**
	 * The e-mails' words in a language: English unless a bundle of its exists
	 * ({@code templates/email/messages_<lang>.properties}).
	 */
	private ResourceBundle messages(Locale locale) {
		return ResourceBundle.getBundle(LOCATION + "messages", locale, this.classLoader,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
	}

	private static String format(ResourceBundle messages, String key, Locale locale, Object argument) {
		return new MessageFormat(messages.getString(key), locale).format(new Object[] { argument });
	}

	/**
	 * A daily digest: one message summing up a day's notices for a chapter.
	 * @param messageId the message's id, the same for every attempt to send it
	 * @param to the recipient's address
	 * @param day the day summed up
	 * @param notices the day's notices, in the order to show them
	 * @param recipientName how to greet the recipient (a chapter's name), or {@code null}
	 * @return the message
	 */
	public EmailMessage digest(String messageId, String to, LocalDate day, List<Notice> notices,
			@Nullable String recipientName) {
		Map<String, Object> model = model(recipientName, Audience.CHAPTER, Locale.ENGLISH);
		String formattedDay = DAY.format(day);
		model.put("day", formattedDay);
		model.put("count", notices.size());
		model.put("one", notices.size() == 1);
		model.put("notices", notices.stream().map((notice) -> {
			Map<String, Object> item = new HashMap<>();
			item.put("title", notice.title());
			item.put("body", notice.body());
			item.put("paragraphs", paragraphs(notice.body()));
			return item;
		}).toList());
		String subject = this.productName + " daily digest for " + formattedDay + ": " + notices.size()
				+ ((notices.size() == 1) ? " notification" : " notifications");
		model.put("title", subject);
		return new EmailMessage(messageId, to, subject, render(this.text, "digest", "digest", ".txt", model),
				render(this.html, "digest", "digest", ".html", model));
	}

	/**
	 * The simple name of a CloudEvents type, which names its own templates.
	 * @param eventType e.g. {@code org.groundgame.endorsement.EndorsementGranted.v1}
	 * @return e.g. {@code EndorsementGranted}, or {@code null} if the type has none
	 */
	static @Nullable String eventName(@Nullable String eventType) {
		if (eventType == null) {
			return null;
		}
		String unversioned = VERSION_SUFFIX.matcher(eventType).replaceFirst("");
		String simple = unversioned.substring(unversioned.lastIndexOf('.') + 1);
		return SIMPLE_NAME.matcher(simple).matches() ? simple : null;
	}

	private Map<String, Object> model(@Nullable String recipientName, Audience audience, Locale locale) {
		Map<String, Object> model = new HashMap<>();
		ResourceBundle messages = messages(locale);
		String name = (recipientName != null && !recipientName.isBlank()) ? recipientName : null;
		model.put("product", this.productName);
		model.put("recipientName", name);
		model.put("lang", messages.getLocale().getLanguage().isEmpty() ? "en" : messages.getLocale().getLanguage());
		model.put("greeting", (name != null) ? format(messages, "email.greeting.named", locale, name)
				: messages.getString("email.greeting"));
		model.put("linkFallback", messages.getString("email.link.fallback"));
		model.put("personLine", format(messages, "email.footer.person", locale, this.productName));
		model.put("personReply", messages.getString("email.footer.person.reply"));
		model.put("addresseeLine", format(messages, "email.footer.addressee", locale, this.productName));
		model.put("addresseeReply", messages.getString("email.footer.addressee.reply"));
		model.put("chapter", audience == Audience.CHAPTER);
		model.put("person", audience == Audience.PERSON);
		model.put("addressee", audience == Audience.ADDRESSEE);
		return model;
	}

	/** The body's paragraphs, split at blank lines, for the HTML part. */
	private static List<String> paragraphs(String body) {
		return List.of(body.strip().split("\\R\\s*\\R"))
			.stream()
			.map(String::strip)
			.filter((p) -> !p.isEmpty())
			.toList();
	}

	private String render(Mustache.Compiler compiler, String name, String fallback, String extension,
			Map<String, Object> model) {
		Template template = template(compiler, name + extension).or(() -> template(compiler, fallback + extension))
			.orElseThrow(
					() -> new IllegalStateException("No template " + LOCATION + fallback + extension + ".mustache"));
		return template.execute(model);
	}

	private Optional<Template> template(Mustache.Compiler compiler, String name) {
		return this.templates.computeIfAbsent(name, (key) -> {
			try (Reader reader = open(key)) {
				return (reader != null) ? Optional.of(compiler.compile(reader)) : Optional.empty();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private Reader reader(String name) {
		Reader reader = open(name);
		if (reader == null) {
			throw new IllegalStateException("No template " + LOCATION + name + ".mustache");
		}
		return reader;
	}

	private @Nullable Reader open(String name) {
		InputStream in = this.classLoader.getResourceAsStream(LOCATION + name + ".mustache");
		return (in != null) ? new InputStreamReader(in, StandardCharsets.UTF_8) : null;
	}

	/**
	 * The links an e-mail to a person carries to their e-mail preferences.
	 *
	 * @param page the preferences page, shown in the footer
	 * @param oneClick the one-click unsubscribe address, sent as {@code List-Unsubscribe}
	 * @param topicKey the key of the name of the topic the message is about (e.g.
	 * {@code email-preferences.topic.shifts}), or {@code null} for a transactional
	 * message
	 * @param locale the language of the footer (English or Spanish for now)
	 */
	public record PreferenceLinks(String page, String oneClick, @Nullable String topicKey, Locale locale) {

		public PreferenceLinks {
			Objects.requireNonNull(page, "page");
			Objects.requireNonNull(oneClick, "oneClick");
			Objects.requireNonNull(locale, "locale");
		}

		@Override
		public String toString() {
			return "PreferenceLinks[topicKey=" + this.topicKey + ", locale=" + this.locale + "]";
		}

	}

	/** Who an e-mail goes to, which decides what its footer says. */
	public enum Audience {

		/** A chapter, because its subscription asks for it. */
		CHAPTER,

		/** A person, because they consented to e-mail. */
		PERSON,

		/**
		 * Someone written to about what happened to them (a candidate sent their
		 * questionnaire): transactional, no list to leave.
		 */
		ADDRESSEE

	}

}
