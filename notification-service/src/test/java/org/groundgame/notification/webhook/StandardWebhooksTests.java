package org.groundgame.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Our signatures, verified by the official Standard Webhooks library for Java, which
 * shares no code with ours.
 */
class StandardWebhooksTests {

	static final String OLD_SECRET = "whsec_"
			+ Base64.getEncoder().encodeToString(bytes("the old secret, 32 bytes long!!"));

	static final String NEW_SECRET = "whsec_"
			+ Base64.getEncoder().encodeToString(bytes("the new secret, 32 bytes long!!"));

	static final String OTHER_SECRET = "whsec_" + Base64.getEncoder().encodeToString(bytes("somebody else's secret!"));

	private static final String BODY = """
			{"specversion":"1.0","id":"3f1c","type":"org.groundgame.endorsement.granted.v1","data":{"race":"Mayor"}}""";

	private final String msgId = "msg_2f6Bq3Tq5mR1";

	private final long timestamp = Instant.now().getEpochSecond();

	@Test
	void aSignatureVerifiesWithTheOfficialLibrary() {
		String signature = StandardWebhooks.signature(this.msgId, this.timestamp, bytes(BODY), List.of(NEW_SECRET));

		assertThat(signature).startsWith("v1,").doesNotContain(" ");
		assertThatNoException()
			.isThrownBy(() -> new Webhook(NEW_SECRET).verify(BODY, headers(this.msgId, this.timestamp, signature)));
	}

	@Test
	void matchesTheSpecificationsTestVector() {
		// The example of the Standard Webhooks and Svix libraries' own tests.
		String signature = StandardWebhooks.signature("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
				bytes("{\"test\": 2432232314}"), List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));

		assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

	@Test
	void duringARotationEitherSecretVerifies() throws Exception {
		String signature = StandardWebhooks.signature(this.msgId, this.timestamp, bytes(BODY),
				List.of(NEW_SECRET, OLD_SECRET));
		Map<String, List<String>> headers = headers(this.msgId, this.timestamp, signature);

		assertThat(signature.split(" ")).hasSize(2).allMatch((part) -> part.startsWith("v1,"));
		new Webhook(NEW_SECRET).verify(BODY, headers);
		new Webhook(OLD_SECRET).verify(BODY, headers);
		assertThatExceptionOfType(WebhookVerificationException.class)
			.isThrownBy(() -> new Webhook(OTHER_SECRET).verify(BODY, headers));
	}

	@Test
	void aTamperedBodyFailsVerification() {
		String signature = StandardWebhooks.signature(this.msgId, this.timestamp, bytes(BODY), List.of(NEW_SECRET));

		assertThatExceptionOfType(WebhookVerificationException.class).isThrownBy(() -> new Webhook(NEW_SECRET)
			.verify(BODY.replace("Mayor", "Sheriff"), headers(this.msgId, this.timestamp, signature)));
	}

	@Test
	void aTamperedTimestampOrIdFailsVerification() {
		String signature = StandardWebhooks.signature(this.msgId, this.timestamp, bytes(BODY), List.of(NEW_SECRET));

		assertThatExceptionOfType(WebhookVerificationException.class)
			.isThrownBy(() -> new Webhook(NEW_SECRET).verify(BODY, headers(this.msgId, this.timestamp + 1, signature)));
		assertThatExceptionOfType(WebhookVerificationException.class)
			.isThrownBy(() -> new Webhook(NEW_SECRET).verify(BODY, headers("msg_other", this.timestamp, signature)));
	}

	@Test
	void refusesASecretWithoutItsPrefixWithoutRepeatingIt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StandardWebhooks.signature(this.msgId, this.timestamp, bytes(BODY),
					List.of("not-a-whsec-secret")))
			.withMessageNotContaining("not-a-whsec-secret");
	}

	static Map<String, List<String>> headers(String msgId, long timestamp, String signature) {
		return Map.of("webhook-id", List.of(msgId), "webhook-timestamp", List.of(Long.toString(timestamp)),
				"webhook-signature", List.of(signature));
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
