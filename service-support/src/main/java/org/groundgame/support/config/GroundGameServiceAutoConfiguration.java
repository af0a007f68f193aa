package org.groundgame.support.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;

import org.groundgame.security.TokenClaims;
import org.groundgame.support.audit.AuditActors;
import org.groundgame.support.audit.AuditTrail;
import org.groundgame.support.cloudevents.CloudEventHeaders;
import org.groundgame.support.cloudevents.EventJson;
import org.groundgame.support.cloudevents.TraceContexts;
import org.groundgame.support.consumer.EventConsumers;
import org.groundgame.support.consumer.ProcessedEvents;
import org.groundgame.support.outbox.CloudEventPublisher;
import org.groundgame.support.outbox.HasOutbox;
import org.groundgame.support.outbox.Outbox;
import org.groundgame.support.outbox.OutboxProperties;
import org.groundgame.support.outbox.OutboxRelay;
import org.groundgame.support.outbox.OutboxUpdates;
import org.groundgame.support.outbox.OutboxRelayConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.kafka.support.SimpleKafkaHeaderMapper;

/**
 * The event backbone every service gets by depending on this module: the embedded outbox
 * and its relay, CloudEvents publishing, idempotent consumers, the header mapping that
 * puts the CloudEvents attributes on Kafka as plain {@code ce_} headers, and the audit
 * trail that every published event (and every change made without one) is chained into.
 */
@AutoConfiguration
@EnableConfigurationProperties(OutboxProperties.class)
@Import(OutboxRelayConfiguration.class)
public class GroundGameServiceAutoConfiguration {

	/**
	 * Bound by name from
	 * {@code spring.cloud.stream.kafka.binder.header-mapper-bean-name}.
	 */
	public static final String HEADER_MAPPER = "cloudEventsHeaderMapper";

	@Bean
	EventJson eventJson() {
		return new EventJson();
	}

	@Bean
	TraceContexts traceContexts(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		return new TraceContexts(tracer.getIfAvailable(), propagator.getIfAvailable());
	}

	@Bean
	AuditActors auditActors(ObjectProvider<TokenClaims> claims) {
		return new AuditActors(claims.getIfAvailable());
	}

	@Bean
	AuditTrail auditTrail(MongoTemplate mongo, AuditActors actors, ObjectProvider<Clock> clock, MeterRegistry meters) {
		return new AuditTrail(mongo, actors, clock.getIfAvailable(Clock::systemUTC), meters);
	}

	@Bean
	Outbox outbox(EventJson json, TraceContexts traces, AuditActors actors) {
		return new Outbox(json, traces, actors);
	}

	@Bean
	CloudEventPublisher cloudEventPublisher(StreamBridge streamBridge, Environment environment, TraceContexts traces) {
		String source = environment.getProperty("groundgame.events.source",
				"/groundgame/" + environment.getProperty("spring.application.name", "unnamed-service"));
		return new CloudEventPublisher(streamBridge, source, traces);
	}

	@Bean
	OutboxRelay outboxRelay(MongoTemplate mongo, CloudEventPublisher publisher, OutboxProperties properties,
			MeterRegistry meters, MongoMappingContext mappingContext, AuditTrail audit) {
		OutboxRelay relay = new OutboxRelay(mongo, publisher, properties, meters, audit);
		for (MongoPersistentEntity<?> entity : mappingContext.getPersistentEntities()) {
			if (HasOutbox.class.isAssignableFrom(entity.getType())) {
				relay.watch(entity.getCollection());
			}
		}
		return relay;
	}

	@Bean
	OutboxUpdates outboxUpdates(MongoTemplate mongo, Outbox outbox, OutboxRelay relay) {
		return new OutboxUpdates(mongo, outbox, relay);
	}

	@Bean
	ProcessedEvents processedEvents(MongoTemplate mongo) {
		return new ProcessedEvents(mongo);
	}

	@Bean
	EventConsumers eventConsumers(EventJson json, ProcessedEvents processed, MeterRegistry meters) {
		return new EventConsumers(json, processed, meters);
	}

	/**
	 * Outbound: the CloudEvents attributes and content type as UTF-8 bytes, nothing else
	 * of Spring's (trace headers are added by the producer's observation). Inbound: every
	 * header as raw bytes; {@link CloudEventHeaders#text} reads them.
	 */
	@Bean(HEADER_MAPPER)
	SimpleKafkaHeaderMapper cloudEventsHeaderMapper() {
		SimpleKafkaHeaderMapper mapper = new SimpleKafkaHeaderMapper("ce_*", CloudEventHeaders.CONTENT_TYPE);
		mapper.setMapAllStringsOut(true);
		return mapper;
	}

}
