package org.groundgame.notification.email;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.groundgame.notification.email.EmailTemplates.Audience;
import org.groundgame.notification.rule.Notice;
import org.junit.jupiter.api.Test;

import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

class EmailTemplatesTests {

	private static final String PAGE = "http://localhost:8080/email-preferences#token=abcDEF123_-";

	private static final String ONE_CLICK = "http://localhost:8080/api/notifications/unsubscribe?token=p.SHIFTS.s";

	private final EmailTemplates templates = new EmailTemplates();

	private final Notice endorsed = new Notice("Endorsed: Sam Rivera for State Senator (MO-4)",
			"National staff endorsed Sam Rivera for State Senator (MO-4).\n\nReason: Strong record");

	@Test
	void theSubjectIsTheNoticesTitle() {
		EmailMessage message = this.templates.notice("id-1", "stl@chapters.example",
				"org.groundgame.endorsement.EndorsementGranted.v1", this.endorsed, "St. Louis");

		assertThat(message).extracting(EmailMessage::messageId, EmailMessage::to, EmailMessage::subject)
			.containsExactly("id-1", "stl@chapters.example", "Endorsed: Sam Rivera for State Senator (MO-4)");
	}

	@Test
	void anEventTypeWithItsOwnTemplatesUsesThem() {
		EmailMessage message = this.templates.notice("id-1", "stl@chapters.example",
				"org.groundgame.endorsement.EndorsementGranted.v1", this.endorsed, "St. Louis");

		assertThat(message.text()).contains("Good news: Endorsed: Sam Rivera");
		assertThat(message.html()).contains("Good news").contains("<h1");
	}

	@Test
	void aNominationHasItsOwnTemplatesToo() {
		EmailMessage message = this.templates.notice("id-1", "stl@chapters.example",
				"org.groundgame.endorsement.NominationSubmitted.v1",
				new Notice("Nomination received: Sam Rivera", "Your chapter's nomination was received."), null);

		assertThat(message.text()).contains("National staff review every nomination");
		assertThat(message.html()).contains("Nomination received</p>");
	}

	@Test
	void anyOtherEventTypeUsesTheDefaultTemplates() {
		EmailMessage message = this.templates.notice("id-1", "stl@chapters.example",
				"org.groundgame.volunteer.VolunteerSignedUp.v1", new Notice("New volunteer", "Someone signed up."),
				"St. Louis");

		assertThat(message.text()).startsWith("Hello St. Louis,").contains("New volunteer\n\nSomeone signed up.");
		assertThat(message.text()).doesNotContain("Good news");
		assertThat(message.html())
			.contains("<h1 style=\"margin:0 0 16px 0;font-size:20px;line-height:1.3;\">New volunteer</h1>")
			.contains("<p style=\"margin:0 0 12px 0;\">Someone signed up.</p>")
			.doesNotContain("Good news");
	}

	@Test
	void theHtmlPartShowsEachParagraphOfTheBody() {
		EmailMessage message = this.templates.notice("id-1", "stl@chapters.example", "x.Unknown.v1", this.endorsed,
				null);

		assertThat(message.html()).contains(">National staff endorsed Sam Rivera for State Senator (MO-4).</p>")
			.contains(">Reason: Strong record</p>");
	}

	@Test
	void valuesAreEscapedInHtmlAndLeftAsTheyAreInText() {
		EmailMessage message = this.templates.notice("id-1", "stl@chapters.example",
				"org.groundgame.endorsement.EndorsementGranted.v1",
				new Notice("Endorsed: <script>alert('x')</script>", "Tom & \"Jerry\""), "<b>Chapter</b>");

		assertThat(message.html()).doesNotContain("<script>")
			.doesNotContain("<b>")
			.contains("&lt;script&gt;")
			.contains("Tom &amp; &quot;Jerry&quot;")
			.contains("&lt;b&gt;Chapter&lt;/b&gt;");
		assertThat(message.text()).contains("Endorsed: <script>alert('x')</script>")
			.contains("Tom & \"Jerry\"")
			.contains("Hello <b>Chapter</b>,");
	}

	@Test
	void aChaptersFooterPointsToItsSubscription() {
		EmailMessage message = this.templates.notice("id-1", "stl@chapters.example", "x.Unknown.v1", this.endorsed,
				"St. Louis");

		assertThat(message.text())
			.contains("You receive this because St. Louis subscribed to these notifications from Ground Game.")
			.contains("change its notification subscription")
			.doesNotContain("reply to this message");
		assertThat(message.html()).contains("notification subscription");
	}

	@Test
	void aPersonsFooterSaysToReplyToStop() {
		EmailMessage message = this.templates.notice("id-1", "sam@example.org", "x.Unknown.v1", this.endorsed, "Sam",
				Audience.PERSON);

		assertThat(message.text()).contains("you agreed to hear from Ground Game by e-mail")
			.contains("To stop these e-mails, reply to this message and say so.")
			.doesNotContain("subscription");
		assertThat(message.html()).contains("reply to this message");
	}

	@Test
	void aPersonsFooterLinksToTheirPreferencesAndSaysWhatTheMessageIsAbout() {
		EmailMessage message = this.templates.notice("id-1", "sam@example.org", "x.Unknown.v1", this.endorsed, "Sam",
				Audience.PERSON, links("email-preferences.topic.shifts", Locale.ENGLISH));

		assertThat(message.text()).contains("you agreed to hear from Ground Game by e-mail")
			.contains("This e-mail is about your volunteer shifts. To stop e-mails about your volunteer shifts, "
					+ "or to choose which e-mails you get, open your e-mail preferences:\n" + PAGE)
			.doesNotContain("reply to this message and say so");
		assertThat(message.html()).contains("<a href=\"http://localhost:8080/email-preferences#token")
			.contains("Your e-mail preferences</a>");
		assertThat(message.listUnsubscribe()).isEqualTo(ONE_CLICK);
	}

	@Test
	void theFooterAboutPreferencesIsInSpanishForASpanishReader() {
		EmailMessage message = this.templates.notice("id-1", "sam@example.org", "x.Unknown.v1", this.endorsed, "Sam",
				Audience.PERSON, links("email-preferences.topic.training", Locale.forLanguageTag("es-US")));

		assertThat(message.text()).startsWith("Hola, Sam:")
			.contains("Este correo trata de la Escuela de Liderazgo de Campañas. "
					+ "Para dejar de recibir correos sobre la Escuela de Liderazgo de Campañas, o para elegir qué "
					+ "correos recibes, abre tus preferencias de correo:\n" + PAGE);
		assertThat(message.html()).contains("Tus preferencias de correo</a>");
	}

	@Test
	void aTransactionalMessageSaysItIsSentWhateverThePreferencesAndALanguageWithoutWordsIsEnglish() {
		EmailMessage message = this.templates.notice("id-1", "sam@example.org", "x.Unknown.v1", this.endorsed, "Sam",
				Audience.ADDRESSEE, links(null, Locale.FRENCH));

		assertThat(message.text()).contains("you are on no mailing list")
			.contains("This e-mail answers something you asked for, so it is sent whatever your e-mail preferences "
					+ "say. To choose which other e-mails you get, open your e-mail preferences:\n" + PAGE);
	}

	@Test
	void aChaptersMessageHasNoPreferencesAndNoOneClickUnsubscribe() {
		EmailMessage message = this.templates.notice("id-1", "stl@chapters.example", "x.Unknown.v1", this.endorsed,
				"St. Louis");

		assertThat(message.listUnsubscribe()).isNull();
		assertThat(message.text()).doesNotContain("e-mail preferences");
	}

	private static EmailTemplates.PreferenceLinks links(String topicKey, Locale locale) {
		return new EmailTemplates.PreferenceLinks(PAGE, ONE_CLICK, topicKey, locale);
	}

	@Test
	void noRecipientNameGreetsPlainly() {
		EmailMessage message = this.templates.notice("id-1", "stl@chapters.example", "x.Unknown.v1", this.endorsed,
				null);

		assertThat(message.text()).startsWith("Hello,\n").contains("because your chapter subscribed");
		assertThat(message.html()).contains(">Hello,</p>");
	}

	@Test
	void theMessagesHaveNoImagesAndNoLinksToTrackThem() {
		EmailMessage message = this.templates.notice("id-1", "stl@chapters.example",
				"org.groundgame.endorsement.EndorsementGranted.v1", this.endorsed, null);
		EmailMessage digest = this.templates.digest("id-2", "stl@chapters.example", LocalDate.of(2026, 11, 3),
				List.of(this.endorsed), null);

		for (String html : List.of(message.html(), digest.html())) {
			assertThat(html).doesNotContainIgnoringCase("<img")
				.doesNotContainIgnoringCase("src=")
				.doesNotContain("http");
		}
	}

	@Test
	void aDigestSumsUpTheDaysNotices() {
		List<Notice> notices = List.of(new Notice("Nomination received: A", "First."),
				new Notice("Endorsed: <B>", "Second."));

		EmailMessage digest = this.templates.digest("id-1", "stl@chapters.example", LocalDate.of(2026, 11, 3), notices,
				"St. Louis");

		assertThat(digest.subject())
			.isEqualTo("Ground Game daily digest for Tuesday, November 3, 2026: 2 notifications");
		assertThat(digest.text()).contains("2 notifications for Tuesday, November 3, 2026:")
			.contains("* Nomination received: A\n  First.")
			.contains("* Endorsed: <B>\n  Second.")
			.contains("daily digest");
		assertThat(digest.html()).contains("Nomination received: A").contains("Endorsed: &lt;B&gt;").contains("First.");
	}

	@Test
	void aDigestOfOneSaysOne() {
		EmailMessage digest = this.templates.digest("id-1", "stl@chapters.example", LocalDate.of(2026, 11, 3),
				List.of(this.endorsed), null);

		assertThat(digest.subject()).endsWith(": 1 notification");
		assertThat(digest.text()).contains("One notification for Tuesday, November 3, 2026:");
	}

	@Test
	void theEventNameIsTheTypesSimpleNameWithoutItsVersion() {
		assertThat(EmailTemplates.eventName("org.groundgame.endorsement.EndorsementGranted.v1"))
			.isEqualTo("EndorsementGranted");
		assertThat(EmailTemplates.eventName("org.groundgame.volunteer.VolunteerSignedUp.v12"))
			.isEqualTo("VolunteerSignedUp");
		assertThat(EmailTemplates.eventName("Plain")).isEqualTo("Plain");
		assertThat(EmailTemplates.eventName("org.groundgame.x.../../etc")).isNull();
		assertThat(EmailTemplates.eventName(null)).isNull();
	}

	@Test
	void aLinkFollowsTheFirstParagraphAsAButtonAndAsTheAddressOnALineOfItsOwn() {
		String link = "https://groundgame.example/questionnaire/#token=abc_DEF-123";
		Notice notice = new Notice("Your candidate questionnaire for Mayor (MO, Kansas City)",
				"You have been nominated.\n\nDo not forward this message.",
				new Notice.Link("Answer the questionnaire", link));

		EmailMessage message = this.templates.notice("id-1", "jane@candidates.example",
				"org.groundgame.endorsement.QuestionnaireIssued.v1", notice, "Jane Example", Audience.ADDRESSEE);

		assertThat(message.text()).startsWith("Hello Jane Example,")
			.contains("You have been nominated.\n\nAnswer the questionnaire:\n" + link + "\n\nDo not forward");
		assertThat(message.html()).contains("Candidate questionnaire</p>");
		// Escaped as any value is (= as a character reference), which a browser reads
		// back.
		assertThat(HtmlUtils.htmlUnescape(message.html())).containsSubsequence("You have been nominated.",
				"<a href=\"" + link + "\"", ">Answer the questionnaire</a>", "Do not forward this message.");
	}

	@Test
	void anAddresseeIsToldWhyTheyGetTheMessageAndThatTheyAreOnNoList() {
		EmailMessage message = this.templates.notice("id-1", "jane@candidates.example",
				"org.groundgame.endorsement.QuestionnaireIssued.v1",
				new Notice("Title", "Body.", new Notice.Link("Open", "https://groundgame.example/x")), null,
				Audience.ADDRESSEE);

		assertThat(message.text()).contains("it concerns you directly")
			.contains("you are on no mailing list")
			.doesNotContain("agreed to hear from")
			.doesNotContain("subscribed");
		assertThat(message.html()).contains("it concerns you directly").doesNotContain("agreed to hear from");
	}

	@Test
	void anyEventTypeCanCarryALinkInTheDefaultTemplates() {
		EmailMessage message = this.templates.notice("id-1", "trainee@people.example",
				"org.groundgame.training.SeatOffered.v1",
				new Notice("A seat for you", "A seat is yours.\n\nIt expires soon.",
						new Notice.Link("Accept the seat", "https://groundgame.example/training/#token=t")),
				null, Audience.ADDRESSEE);

		assertThat(message.text()).contains(
				"A seat is yours.\n\nAccept the seat:\nhttps://groundgame.example/training/#token=t\n\nIt expires soon.");
		assertThat(message.html()).contains(">Accept the seat</a>");
	}

	@Test
	void aNoticeWithoutALinkHasNoButton() {
		EmailMessage message = this.templates.notice("id-1", "stl@chapters.example",
				"org.groundgame.volunteer.VolunteerSignedUp.v1", new Notice("New volunteer", "Someone signed up."),
				"St. Louis");

		assertThat(message.html()).doesNotContain("<a ");
		assertThat(message.text()).doesNotContain("http");
	}

}
