package org.groundgame.support.cloudevents;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.jspecify.annotations.Nullable;

/**
 * Carries the trace of a request across the outbox: the trace context is captured when
 * the event is stored and restored when the relay publishes it, so the consumer's work
 * joins the trace of the request that caused it. Without a tracer it does nothing.
 */
public class TraceContexts {

	static final String TRACEPARENT = "traceparent";

	private final @Nullable Tracer tracer;

	private final @Nullable Propagator propagator;

	public TraceContexts(@Nullable Tracer tracer, @Nullable Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/**
	 * The W3C {@code traceparent} of the current span, or {@code null} outside any trace.
	 */
	public @Nullable String currentTraceparent() {
		if (this.tracer == null || this.propagator == null) {
			return null;
		}
		TraceContext context = this.tracer.currentTraceContext().context();
		if (context == null) {
			return null;
		}
		Map<String, String> carrier = new HashMap<>();
		this.propagator.inject(context, carrier, Map::put);
		return carrier.get(TRACEPARENT);
	}

	/**
	 * Runs the work in a new span whose parent is the given {@code traceparent}, if any.
	 */
	public <T> T inSpan(@Nullable String traceparent, String name, Supplier<T> work) {
		if (this.tracer == null || this.propagator == null || traceparent == null) {
			return work.get();
		}
		Span span = this.propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get).name(name).start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			return work.get();
		}
		finally {
			span.end();
		}
	}

}
