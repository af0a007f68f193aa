package org.groundgame.notification.delivery;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.notification.CloudEventProducer;
import org.groundgame.notification.NotificationFixture;
import org.groundgame.notification.NotificationServiceIntegrationTest;
import org.groundgame.notification.WebhookReceiver;
import org.groundgame.notification.WebhookReceiver.Received;
import org.groundgame.notification.chapter.domain.Chapters;
import org.groundgame.test.InfrastructureTestConfiguration;
import org.groundgame.test.proxy.FaultProxy;
import org.groundgame.test.security.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.groundgame.notification.NotificationFixture.PATIENCE;
import static org.groundgame.notification.NotificationFixture.granted;

/**
 * The mail server and a chapter's webhook receiver behind a {@link FaultProxy}: the line
 * to the SMTP server cut in the middle of a burst of e-mails opens the {@code smtp}
 * circuit breaker, and once it is restored the breaker closes and every e-mail arrives
 * exactly once; a receiver that hangs (a black hole) or answers later than the webhook
 * timeout gets the delivery once the line is healthy, and nothing is lost.
 * <p>
 * A context of its own (the mail sender and the breaker's registry differ from the
 * module's one context): its own database on the module's one store and its own consumer
 * group on the module's one broker, so that the other context neither takes its events
 * nor sends its deliveries; retries come often and for long enough to outlast each fault,
 * and the breaker waits a second before it tries the server again.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.mongodb.database=groundgame-notification-faults",
		"spring.cloud.stream.bindings.endorsementEvents-in-0.group=notification-faults",
		"spring.cloud.stream.bindings.volunteerEvents-in-0.group=notification-faults",
		"spring.cloud.stream.bindings.trainingEvents-in-0.group=notification-faults",
		"groundgame.notification.webhooks.allow-loopback=true",
		"groundgame.notification.webhooks.delivery.timeout=500ms",
		"groundgame.notification.delivery.retry-schedule=0s,200ms,300ms,300ms,500ms,500ms,500ms,500ms,500ms,500ms,500ms,500ms,500ms,500ms,500ms,500ms,500ms,500ms,500ms,500ms",
		"groundgame.notification.delivery.jitter=0", "groundgame.notification.delivery.poll-interval=100ms",
		"groundgame.notification.webhooks.encryption.password=" + NotificationServiceIntegrationTest.LEGACY_PASSWORD,
		"groundgame.notification.webhooks.encryption.salt=" + NotificationServiceIntegrationTest.LEGACY_SALT,
		"groundgame.secrets.kek=" + NotificationServiceIntegrationTest.KEK })
@Import({ InfrastructureTestConfiguration.class, FaultyLinesIntegrationTests.MailBehindTheProxy.class })
@TestInstance(Lifecycle.PER_CLASS)
class FaultyLinesIntegrationTests {

	/**
	 * A state per test, which no other test class uses, so that no test's event reaches
	 * another's chapters.
	 */
	private static final String SMTP_STATE = "NH";

	private static final String BLACK_HOLE_STATE = "ME";

	private static final String LATE_STATE = "RI";

	private static final int CHAPTERS = 12;

	private final NotificationFixture fixture;

	private final CloudEventProducer events = new CloudEventProducer();

	private final CircuitBreaker smtp;

	/** The breaker's state transitions, in order, since the context started. */
	private final List<CircuitBreaker.StateTransition> transitions = new CopyOnWriteArrayList<>();

	@Autowired
	FaultyLinesIntegrationTests(@LocalServerPort int port, Chapters chapters, CircuitBreakerRegistry breakers) {
		this.fixture = new NotificationFixture(port, chapters, this.events);
		this.smtp = breakers.circuitBreaker("smtp");
		this.smtp.getEventPublisher().onStateTransition((event) -> this.transitions.add(event.getStateTransition()));
	}

	@AfterEach
	void heal() {
		MailBehindTheProxy.PROXY.heal();
	}

	@AfterAll
	void close() {
		this.events.close();
	}

	@Test
	void aCutMailServerOpensTheBreakerAndEveryEmailArrivesOnceAfterTheLineIsRestored() {
		List<String> chapterIds = this.fixture.registerChapters(SMTP_STATE, CHAPTERS);
		Set<String> addresses = chapterIds.stream()
			.map(FaultyLinesIntegrationTests::addressOf)
			.collect(Collectors.toSet());
		this.fixture.subscribeAll(chapterIds, (chapterId) -> """
				{"topics":["ENDORSEMENTS"],"email":"%s","inbox":false}""".formatted(addressOf(chapterId)));
		FaultProxy smtpLine = MailBehindTheProxy.PROXY;

		// The burst's first wave goes through, over connections the sender keeps open.
		this.events.endorsementGranted(granted(SMTP_STATE, "endorsement-" + UUID.randomUUID()));
		await().atMost(PATIENCE).until(() -> receivedBy(addresses).size() == CHAPTERS);
		assertThat(this.smtp.getState()).isEqualTo(CircuitBreaker.State.CLOSED);

		// The line is cut: the kept-open connections are reset, new ones refused.
		smtpLine.cut();
		this.events.endorsementGranted(granted(SMTP_STATE, "endorsement-" + UUID.randomUUID()));
		await().atMost(PATIENCE).until(() -> this.smtp.getState() == CircuitBreaker.State.OPEN);
		assertThat(this.transitions).contains(CircuitBreaker.StateTransition.CLOSED_TO_OPEN);
		assertThat(receivedBy(addresses)).as("nothing got through the cut line").hasSize(CHAPTERS);
		long acceptedWhileCut = smtpLine.connectionsAccepted();

		smtpLine.restore();

		await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(this.smtp.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
			assertThat(receivedBy(addresses)).hasSize(2 * CHAPTERS);
			assertThat(deliveryStatuses(chapterIds)).hasSize(2 * CHAPTERS).containsOnly("DELIVERED");
		});
		assertThat(this.transitions).containsSubsequence(CircuitBreaker.StateTransition.CLOSED_TO_OPEN,
				CircuitBreaker.StateTransition.OPEN_TO_HALF_OPEN, CircuitBreaker.StateTransition.HALF_OPEN_TO_CLOSED);
		assertThat(smtpLine.connectionsAccepted()).as("the sender came back over the restored line")
			.isGreaterThan(acceptedWhileCut);
		// Exactly once: two messages per chapter, none twice.
		Map<String, Long> perRecipient = receivedBy(addresses).stream()
			.collect(Collectors.groupingBy(FaultyLinesIntegrationTests::recipient, Collectors.counting()));
		assertThat(perRecipient).hasSize(CHAPTERS).allSatisfy((address, count) -> assertThat(count).isEqualTo(2));
		assertThat(receivedBy(addresses)).extracting(FaultyLinesIntegrationTests::messageId).doesNotHaveDuplicates();
		assertThat(chapterIds.stream().flatMap((chapterId) -> attempts(chapterId).stream()))
			.as("attempts the open breaker answered without asking the server")
			.anySatisfy((attempt) -> assertThat(attempt.get("detail")).isEqualTo("smtp circuit open"));
	}

	@Test
	void aWebhookReceiverThatNeverAnswersGetsTheDeliveryOnceItIsReachableAgain() {
		try (WebhookReceiver receiver = new WebhookReceiver();
				FaultProxy line = FaultProxy.to(receiver.url("").replace("http://", ""))) {
			String chapterId = this.fixture.registerChapter(BLACK_HOLE_STATE);
			String path = "/black-hole/" + chapterId;
			subscribeWebhook(chapterId, "http://" + line.address() + path);
			// Nothing the service sends arrives: each attempt times out unanswered.
			line.upstream().drop();

			this.events.endorsementGranted(granted(BLACK_HOLE_STATE, "endorsement-" + UUID.randomUUID()));

			await().atMost(PATIENCE).until(() -> attemptOutcomes(chapterId).size() >= 2);
			assertThat(receiver.receivedAt(path)).isEmpty();
			assertThat(deliveryStatuses(List.of(chapterId))).containsExactly("PENDING");

			line.upstream().forward();

			await().atMost(PATIENCE).until(() -> deliveryStatuses(List.of(chapterId)).equals(List.of("DELIVERED")));
			assertThat(receiver.receivedAt(path)).as("delivered once").hasSize(1);
			List<Map<String, Object>> attempts = attempts(chapterId);
			assertThat(attempts.subList(0, attempts.size() - 1)).isNotEmpty()
				.allSatisfy((attempt) -> assertThat(attempt.get("detail")).asString().contains("within 500 ms"));
			assertThat(attempts.get(attempts.size() - 1).get("statusCode")).isEqualTo(204);
		}
	}

	@Test
	void aWebhookReceiverThatAnswersLaterThanTheTimeoutIsRetriedWithTheSameIdUntilAnAnswerComesInTime() {
		try (WebhookReceiver receiver = new WebhookReceiver();
				FaultProxy line = FaultProxy.to(receiver.url("").replace("http://", ""))) {
			String chapterId = this.fixture.registerChapter(LATE_STATE);
			String path = "/late/" + chapterId;
			subscribeWebhook(chapterId, "http://" + line.address() + path);
			// The receiver takes each request; its answer comes a second late.
			line.downstream().latency(Duration.ofSeconds(1));
			EndorsementGranted granted = granted(LATE_STATE, "endorsement-" + UUID.randomUUID());

			this.events.endorsementGranted(granted);

			await().atMost(PATIENCE).until(() -> attemptOutcomes(chapterId).size() >= 2);
			assertThat(deliveryStatuses(List.of(chapterId))).containsExactly("PENDING");

			line.downstream().latency(Duration.ZERO);

			await().atMost(PATIENCE).until(() -> deliveryStatuses(List.of(chapterId)).equals(List.of("DELIVERED")));
			List<Received> requests = receiver.receivedAt(path);
			assertThat(requests).as("each attempt reached the receiver").hasSizeGreaterThanOrEqualTo(2);
			// At least once over HTTP, once for a receiver that de-duplicates by the id.
			assertThat(requests).extracting((request) -> request.header("webhook-id"))
				.containsOnly(requests.get(0).header("webhook-id"));
			assertThat(requests).extracting((request) -> (String) JsonPath.read(request.body(), "$.id"))
				.containsOnly(granted.eventId());
		}
	}

	private void subscribeWebhook(String chapterId, String url) {
		this.fixture.subscribe(chapterId, """
				{"topics":["ENDORSEMENTS"],"webhook":{"url":"%s"},"inbox":false}""".formatted(url));
	}

	private static String addressOf(String chapterId) {
		return "faults@" + chapterId + ".example";
	}

	/**
	 * The messages to these addresses only: this context's consumers read the topics from
	 * their start, so other test classes' events may e-mail others here too.
	 */
	private static List<MimeMessage> receivedBy(Set<String> addresses) {
		return Arrays.stream(MailBehindTheProxy.SMTP.getReceivedMessages())
			.filter((message) -> addresses.contains(recipient(message)))
			.toList();
	}

	private static String recipient(MimeMessage message) {
		try {
			return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String messageId(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The statuses of every delivery of these chapters, as the delivery log has them. */
	private List<String> deliveryStatuses(Collection<String> chapterIds) {
		return chapterIds.stream()
			.flatMap((chapterId) -> JsonPath.<List<String>>read(log(chapterId), "$.content[*].status").stream())
			.toList();
	}

	private List<String> attemptOutcomes(String chapterId) {
		return attempts(chapterId).stream().map((attempt) -> (String) attempt.get("outcome")).toList();
	}

	/** The attempts of every delivery of a chapter. */
	private List<Map<String, Object>> attempts(String chapterId) {
		return JsonPath.read(log(chapterId), "$.content[*].attempts[*]");
	}

	private String log(String chapterId) {
		return this.fixture.call(HttpMethod.GET, "/api/notifications/deliveries", TestTokens.chapter(chapterId), null)
			.getResponseBody();
	}

	/**
	 * The service's mail goes to an SMTP server of this class (GreenMail on 127.0.0.1)
	 * through a {@link FaultProxy}; the {@code smtp} breaker comes from a registry with a
	 * short wait in the open state.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class MailBehindTheProxy {

		static final GreenMail SMTP = startSmtp();

		static final FaultProxy PROXY = FaultProxy.to("127.0.0.1", SMTP.getSmtp().getPort());

		private static GreenMail startSmtp() {
			GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
			smtp.start();
			Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop));
			return smtp;
		}

		@Bean
		JavaMailSender mailSender() {
			JavaMailSenderImpl sender = new JavaMailSenderImpl();
			sender.setHost("127.0.0.1");
			sender.setPort(PROXY.port());
			sender.setDefaultEncoding("UTF-8");
			// Fail fast on a line that answers nothing, as the service's own settings do.
			sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
			sender.getJavaMailProperties().put("mail.smtp.timeout", "2000");
			return sender;
		}

		/**
		 * The service's defaults for the breaker (half of the last ten failed, five at
		 * least), but a second in the open state instead of thirty.
		 */
		@Bean
		CircuitBreakerRegistry circuitBreakerRegistry() {
			return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
				.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
				.slidingWindowSize(10)
				.minimumNumberOfCalls(5)
				.failureRateThreshold(50)
				.waitDurationInOpenState(Duration.ofSeconds(1))
				.permittedNumberOfCallsInHalfOpenState(2)
				.build());
		}

	}

}
