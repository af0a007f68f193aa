package org.groundgame.endtoend;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

/**
 * What an OpenTelemetry collector is to the platform, for the tests: it takes the spans
 * every process exports over OTLP/HTTP ({@code POST /v1/traces}, protobuf) on 127.0.0.1,
 * and keeps them for the tests to read.
 */
final class OtlpCollector implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final List<ExportedSpan> spans = new CopyOnWriteArrayList<>();

	private OtlpCollector(HttpServer server) {
		this.server = server;
	}

	static OtlpCollector start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			OtlpCollector collector = new OtlpCollector(server);
			server.createContext("/v1/traces", collector::traces);
			server.setExecutor(collector.executor);
			server.start();
			return collector;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the OTLP collector", ex);
		}
	}

	/**
	 * Where the processes export their spans.
	 * @return e.g. {@code http://127.0.0.1:PORT/v1/traces}
	 */
	URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1/traces");
	}

	/**
	 * Every span received of one trace.
	 * @param traceId the trace's id, 32 hexadecimal digits
	 * @return its spans, in the order they arrived
	 */
	List<ExportedSpan> trace(String traceId) {
		return this.spans.stream().filter((span) -> span.traceId().equals(traceId)).toList();
	}

	private void traces(HttpExchange exchange) throws IOException {
		try (exchange; InputStream body = exchange.getRequestBody()) {
			if (!"POST".equals(exchange.getRequestMethod())) {
				exchange.sendResponseHeaders(405, -1);
				return;
			}
			ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
			for (ResourceSpans resource : request.getResourceSpansList()) {
				String service = resource.getResource()
					.getAttributesList()
					.stream()
					.filter((attribute) -> attribute.getKey().equals("service.name"))
					.map(KeyValue::getValue)
					.map((value) -> value.getStringValue())
					.findFirst()
					.orElse("");
				for (ScopeSpans scope : resource.getScopeSpansList()) {
					scope.getSpansList()
						.forEach((span) -> this.spans
							.add(new ExportedSpan(service, HexFormat.of().formatHex(span.getTraceId().toByteArray()),
									HexFormat.of().formatHex(span.getSpanId().toByteArray()),
									HexFormat.of().formatHex(span.getParentSpanId().toByteArray()), span.getName(),
									span.getKind().name())));
				}
			}
			byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
			exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, answer.length);
			exchange.getResponseBody().write(answer);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/**
	 * One span as exported.
	 *
	 * @param service the {@code service.name} of the process that recorded it
	 * @param traceId its trace
	 * @param spanId its own id
	 * @param parentSpanId its parent's id, empty for a trace's first span
	 * @param name e.g. {@code http post /api/nominations}
	 * @param kind e.g. {@code SPAN_KIND_CONSUMER}
	 */
	record ExportedSpan(String service, String traceId, String spanId, String parentSpanId, String name, String kind) {
	}

}
