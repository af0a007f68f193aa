package org.groundgame.endtoend;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every process exports its spans over OTLP (Spring Boot's OpenTelemetry support), and
 * one trace follows a request from the gateway through the service that handled it,
 * across Kafka (the outbox keeps the request's trace context with the event), to the
 * consumer that made its effect in another service.
 */
@ExtendWith(RunningPlatform.class)
class TracingTests {

	private static final Duration EXPORTED = Duration.ofSeconds(60);

	private final Gateway gateway;

	private final Organizers organizers;

	private final OtlpCollector collector;

	TracingTests(Gateway gateway, OtlpCollector collector) {
		this.gateway = gateway;
		this.organizers = new Organizers(gateway);
		this.collector = collector;
	}

	@Test
	void oneTraceGoesFromTheGatewayThroughKafkaToTheInboxEntryTheNominationMade() {
		String chapterId = this.organizers.registerChapter("MT", "Missoula");
		String traceId = HexFormat.of().formatHex(randomBytes(16));
		String callerSpanId = HexFormat.of().formatHex(randomBytes(8));

		// The caller's own trace, sampled: the gateway continues it.
		Gateway.Answer submitted = this.gateway.asChapter(chapterId)
			.sendRaw("POST", "/api/nominations", HttpRequest.BodyPublishers.ofString(nomination(chapterId)),
					"Content-Type", "application/json", "traceparent", "00-" + traceId + "-" + callerSpanId + "-01");
		String nominationId = submitted.json(201).path("id").asString();
		await().atMost(EXPORTED)
			.untilAsserted(() -> assertThat(this.organizers.inboxEntriesAbout(chapterId, nominationId)).hasSize(1));

		// Each process exports its spans in batches of its own, every few seconds: the
		// wait is for the three that made the nomination and its inbox entry.
		List<OtlpCollector.ExportedSpan> trace = await().atMost(EXPORTED)
			.until(() -> this.collector.trace(traceId),
					(spans) -> has(spans, "gateway", "SPAN_KIND_SERVER")
							&& has(spans, "endorsement-service", "SPAN_KIND_PRODUCER")
							&& has(spans, "notification-service", "SPAN_KIND_CONSUMER"));
		assertThat(trace).extracting(OtlpCollector.ExportedSpan::service)
			.contains("gateway", "endorsement-service", "notification-service");
		// The gateway's server span is the caller's span's child.
		assertThat(trace).anySatisfy((span) -> {
			assertThat(span.service()).isEqualTo("gateway");
			assertThat(span.kind()).isEqualTo("SPAN_KIND_SERVER");
			assertThat(span.parentSpanId()).isEqualTo(callerSpanId);
		});
		// endorsement-service's send to Kafka, and notification-service's receipt of it.
		assertThat(trace).anySatisfy((span) -> {
			assertThat(span.service()).isEqualTo("endorsement-service");
			assertThat(span.kind()).isEqualTo("SPAN_KIND_PRODUCER");
		});
		// Every span hangs on another of the same trace, or on the caller's.
		List<String> ids = trace.stream().map(OtlpCollector.ExportedSpan::spanId).toList();
		assertThat(trace).allSatisfy((span) -> assertThat(span.parentSpanId())
			.isIn(java.util.stream.Stream.concat(ids.stream(), java.util.stream.Stream.of(callerSpanId)).toList()));
	}

	private static boolean has(List<OtlpCollector.ExportedSpan> spans, String service, String kind) {
		return spans.stream().anyMatch((span) -> span.service().equals(service) && span.kind().equals(kind));
	}

	private static String nomination(String chapterId) {
		String suffix = HexFormat.of().formatHex(randomBytes(4));
		return JsonMapper.builder()
			.build()
			.writeValueAsString(Map.of("candidate", Map.of("name", "Candidate " + suffix, "email",
					"candidate-" + suffix + "@example.org", "website", "https://" + suffix + ".candidate.example"),
					"race",
					Map.of("office", "State Representative", "level", "STATE", "state", "MT", "district", "12",
							"jurisdiction", "Montana House of Representatives", "electionDate",
							LocalDate.now().plusYears(1).toString()),
					"nominatedBy",
					Map.of("name", "Rowan Ellis", "email", "rowan.ellis@example.org", "chapterId", chapterId),
					"statement", "A fictional candidate nominated by an end-to-end test of tracing."));
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		ThreadLocalRandom.current().nextBytes(bytes);
		return bytes;
	}

}
