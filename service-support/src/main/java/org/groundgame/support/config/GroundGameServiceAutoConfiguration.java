package org.groundgame.support.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;

import org.groundgame.security.TokenClaims;
import org.groundgame.support.audit.AuditActors;
import org.groundgame.support.audit.AuditTrail;
import org.groundgame.support.broadcast.Broadcasts;
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
import org.groundgame.support.personaldata.KafkaKeySharing;
import org.groundgame.support.personaldata.KeysTopics;
import org.groundgame.support.personaldata.PersonalDataKeyring;
import org.groundgame.support.personaldata.PersonalDataKeys;
import org.groundgame.support.personaldata.PersonalDataProperties;
import org.groundgame.support.personaldata.PersonalDataProtection;
import org.groundgame.support.secrets.KeyEncryption;
import org.groundgame.support.secrets.KeyEncryptionProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.cloud.stream.config.ProducerMessageHandlerCustomizer;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.integration.kafka.outbound.KafkaProducerMessageHandler;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.support.SimpleKafkaHeaderMapper;

/**
 * The event backbone every service gets by depending on this module: the embedded outbox
 * and its relay, CloudEvents publishing, idempotent consumers, the header mapping that
 * puts the CloudEvents attributes on Kafka as plain {@code ce_} headers, and the audit
 * trail that every published event (and every change made without one) is chained into.
 */
@AutoConfiguration
@EnableConfigurationProperties({ OutboxProperties.class, KeyEncryptionProperties.class, PersonalDataProperties.class })
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

	/**
	 * The key-encryption key ({@code groundgame.secrets.kek}): every service seals the
	 * personal-data keys it keeps and shares with it, and opens the ones it reads.
	 */
	@Bean
	@ConditionalOnMissingBean
	KeyEncryption keyEncryption(KeyEncryptionProperties properties) {
		return KeyEncryption.of(properties);
	}

	@Bean
	KeysTopics personalDataKeysTopics(KafkaAdmin admin, PersonalDataProperties properties) {
		return new KeysTopics(admin, properties);
	}

	@Bean
	PersonalDataKeys personalDataKeys(MongoTemplate mongo, KeyEncryption kek, ProducerFactory<?, ?> producers,
			KeysTopics topics, ObjectProvider<Clock> clock) {
		// The service's Kafka settings (servers, security), with text keys and values.
		KafkaTemplate<String, String> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
				producers.getConfigurationProperties(), new StringSerializer(), new StringSerializer()));
		return new PersonalDataKeys(mongo, kek, new KafkaKeySharing(template, topics),
				clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	PersonalDataKeyring personalDataKeyring(ConsumerFactory<?, ?> consumers, KeyEncryption kek, KeysTopics topics,
			PersonalDataProperties properties) {
		return new PersonalDataKeyring(new DefaultKafkaConsumerFactory<>(consumers.getConfigurationProperties(),
				new StringDeserializer(), new StringDeserializer()), kek, topics, properties.keysReadTimeout());
	}

	@Bean
	PersonalDataProtection personalDataProtection(EventJson json, PersonalDataKeys keys, PersonalDataKeyring keyring) {
		return new PersonalDataProtection(json, keys, keyring);
	}

	@Bean
	Outbox outbox(TraceContexts traces, AuditActors actors, PersonalDataProtection personalData) {
		return new Outbox(traces, actors, personalData);
	}

	@Bean
	CloudEventPublisher cloudEventPublisher(StreamBridge streamBridge, Environment environment, TraceContexts traces) {
		String source = environment.getProperty("groundgame.events.source",
				"/groundgame/" + environment.getProperty("spring.application.name", "unnamed-service"));
		return new CloudEventPublisher(streamBridge, source, traces);
	}

	/**
	 * Hints to every instance of the service (never events: those leave through the
	 * outbox).
	 */
	@Bean
	Broadcasts broadcasts(StreamBridge streamBridge) {
		return new Broadcasts(streamBridge);
	}

	/**
	 * Gives the binder's producers the publisher's futures channel, so that the relay can
	 * send many events and then wait for their acknowledgements (the producers are not
	 * synchronous: see the platform defaults).
	 */
	@Bean
	ProducerMessageHandlerCustomizer<KafkaProducerMessageHandler<?, ?>> sendFuturesToThePublisher(
			CloudEventPublisher publisher) {
		return (handler, destination) -> handler.setFuturesChannel(publisher.sendFutures());
	}

	/**
	 * The binder's consumers commit their offsets without waiting for the broker's
	 * answer. A profile of the event path (benchmarks/README.md) found the consumer's
	 * thread, one per binding, waiting a fifth of its time in the commit after each poll.
	 * Safe because every consumer is idempotent ({@code ProcessedEvents}): a commit lost
	 * with a crash only has the events after the last one that arrived delivered again,
	 * and applied once. {@code groundgame.events.sync-commits=true} waits again.
	 */
	@Bean
	@ConditionalOnProperty(name = "groundgame.events.sync-commits", havingValue = "false", matchIfMissing = true)
	ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> asynchronousOffsetCommits() {
		return (container, destination, group) -> container.getContainerProperties().setSyncCommits(false);
	}

	/**
	 * The locks that let scheduled work run on one instance of the service at a time
	 * (ShedLock, in the {@code shedLock} collection of the service's own database): for
	 * work that is not made of per-item conditional writes, such as the relay's look for
	 * events left behind and the daily digests. Infrastructure, like the relay: the
	 * stores own the aggregates' and read models' collections, this the lock documents.
	 */
	@Bean
	@ConditionalOnMissingBean
	LockProvider lockProvider(MongoTemplate mongo) {
		return new MongoLockProvider(mongo.getDb());
	}

	@Bean
	OutboxRelay outboxRelay(MongoTemplate mongo, CloudEventPublisher publisher, OutboxProperties properties,
			MeterRegistry meters, MongoMappingContext mappingContext, AuditTrail audit,
			PersonalDataProtection personalData, LockProvider locks) {
		OutboxRelay relay = new OutboxRelay(mongo, publisher, properties, meters, audit, personalData, locks);
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
	EventConsumers eventConsumers(PersonalDataProtection personalData, ProcessedEvents processed,
			MeterRegistry meters) {
		return new EventConsumers(personalData, processed, meters);
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
