package org.groundgame.endtoend;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a volunteer reads in their mailbox and acts on: the private link sent on their
 * first sign-up (their id and key, and their calendar feed), and the link that confirms a
 * sign-up again with their address. Read from the local platform's mail catcher, as the
 * person would, and followed as the page behind the link would follow it.
 */
final class VolunteerMail {

	static final String LINK_SUBJECT = "Your volunteer link";

	static final String CONFIRM_SUBJECT = "Confirm the change to your volunteer details";

	private static final Pattern KEY = Pattern.compile("https?://\\S+?/volunteers/([^/#\\s]+)#token=([A-Za-z0-9_-]+)");

	private static final Pattern FEED = Pattern
		.compile("https?://\\S+?(/api/volunteers/\\S+?/calendar\\.ics\\?token=[A-Za-z0-9_-]+)");

	private static final Pattern CONFIRMATION = Pattern
		.compile("https?://\\S+?/volunteers/confirm#token=([A-Za-z0-9_-]+)");

	private static final Pattern CONFIRMATION_LINK = Pattern
		.compile("https?://[^/\\s]+(/volunteers/confirm#token=[A-Za-z0-9_-]+)");

	private static final Duration DELIVERY = Duration.ofSeconds(30);

	private final CaughtMail mail;

	VolunteerMail(CaughtMail mail) {
		this.mail = mail;
	}

	/** The volunteer's private link, from the newest such e-mail to the address. */
	Key keyOf(String email) {
		String text = newestText(email, LINK_SUBJECT);
		Matcher key = KEY.matcher(text);
		assertThat(key.find()).as("the private link in the e-mail").isTrue();
		Matcher feed = FEED.matcher(text);
		return new Key(key.group(1), key.group(2), feed.find() ? feed.group(1) : null);
	}

	/** The token of the newest confirmation link sent to the address. */
	String confirmationTokenOf(String email) {
		Matcher confirmation = CONFIRMATION.matcher(newestText(email, CONFIRM_SUBJECT));
		assertThat(confirmation.find()).as("the confirmation link in the e-mail").isTrue();
		return confirmation.group(1);
	}

	/**
	 * The confirmation link of the one e-mail sent to the address that holds one,
	 * whatever its language: its path and fragment, to be opened on the site the test
	 * runs (the platform's public address may name another port).
	 */
	String confirmationLinkOf(String email) {
		return await().atMost(DELIVERY).until(() -> {
			for (JsonNode listed : this.mail.to(email)) {
				Matcher link = CONFIRMATION_LINK.matcher(this.mail.message(listed).path("text").asString());
				if (link.find()) {
					return Optional.of(link.group(1));
				}
			}
			return Optional.<String>empty();
		}, Optional::isPresent).orElseThrow();
	}

	/** How many e-mails with that subject the address received. */
	long count(String email, String subject) {
		return this.mail.to(email)
			.stream()
			.filter((message) -> subject.equals(message.path("subject").asString()))
			.count();
	}

	/** Waits until the address received that many e-mails with that subject. */
	void awaitCount(String email, String subject, long count) {
		await().atMost(DELIVERY).until(() -> count(email, subject) >= count);
	}

	private String newestText(String email, String subject) {
		JsonNode listed = await().atMost(DELIVERY)
			.until(() -> this.mail.to(email)
				.stream()
				.filter((message) -> subject.equals(message.path("subject").asString()))
				.findFirst(), Optional::isPresent)
			.orElseThrow();
		return this.mail.message(listed).path("text").asString();
	}

	/** The link's key, as the page behind it sends it ({@code X-Manage-Token}). */
	record Key(String volunteerId, String token, String calendarPath) {

		Map<String, String> rsvp() {
			return Map.of("volunteerId", this.volunteerId);
		}

	}

}
