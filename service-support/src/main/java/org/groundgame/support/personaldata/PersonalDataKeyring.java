package org.groundgame.support.personaldata;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.groundgame.support.secrets.KeyEncryption;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * A consumer's copy of the keys other services share on their keys topics: read from the
 * start of the compacted topic when an event names a key not held yet, so that a key
 * shared before its event is always found (the producer's relay shares the key first, and
 * reading up to the topic's end offsets includes it). A tombstone drops the copy; so does
 * the erasure event itself, whichever comes first. A key that is not there after reading
 * to the end was destroyed: the fields it sealed read as absent.
 * <p>
 * No call to the owning service, and no consumer group: every instance reads the whole
 * topic (one small record per personal record).
 */
public class PersonalDataKeyring implements DisposableBean {

	private final ConsumerFactory<String, String> consumers;

	private final KeyEncryption kek;

	private final KeysTopics topics;

	private final Duration timeout;

	private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

	private final ReentrantLock reading = new ReentrantLock();

	private final Set<TopicPartition> assigned = new HashSet<>();

	private Consumer<String, String> consumer;

	public PersonalDataKeyring(ConsumerFactory<String, String> consumers, KeyEncryption kek, KeysTopics topics,
			Duration timeout) {
		this.consumers = consumers;
		this.kek = kek;
		this.topics = topics;
		this.timeout = timeout;
	}

	/**
	 * @return the record's key, or {@code null} if it was destroyed (or never shared)
	 */
	byte[] key(String keysTopic, String subject) {
		String id = PersonalDataKeys.id(keysTopic, subject);
		byte[] key = this.keys.get(id);
		if (key == null) {
			readToEnd(keysTopic);
			key = this.keys.get(id);
		}
		return key;
	}

	/** Drops the copies of these records' keys: an erasure event was read. */
	void forget(String keysTopic, Collection<String> subjects) {
		subjects.forEach((subject) -> this.keys.remove(PersonalDataKeys.id(keysTopic, subject)));
	}

	private void readToEnd(String keysTopic) {
		this.reading.lock();
		try {
			Consumer<String, String> reader = reader();
			assign(reader, keysTopic);
			if (this.assigned.isEmpty()) {
				return;
			}
			Map<TopicPartition, Long> ends = reader.endOffsets(this.assigned, this.timeout);
			long deadline = System.nanoTime() + this.timeout.toNanos();
			while (behind(reader, ends)) {
				if (System.nanoTime() - deadline > 0) {
					throw new IllegalStateException(
							"The keys topics could not be read to their end in " + this.timeout);
				}
				for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(100))) {
					apply(record);
				}
			}
		}
		finally {
			this.reading.unlock();
		}
	}

	private static boolean behind(Consumer<String, String> reader, Map<TopicPartition, Long> ends) {
		for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
			if (reader.position(end.getKey()) < end.getValue()) {
				return true;
			}
		}
		return false;
	}

	private void assign(Consumer<String, String> reader, String keysTopic) {
		if (this.assigned.stream().anyMatch((partition) -> partition.topic().equals(keysTopic))) {
			return;
		}
		this.topics.ensure(keysTopic);
		List<PartitionInfo> partitions = reader.partitionsFor(keysTopic, this.timeout);
		List<TopicPartition> added = new ArrayList<>();
		for (PartitionInfo partition : (partitions != null) ? partitions : List.<PartitionInfo>of()) {
			added.add(new TopicPartition(keysTopic, partition.partition()));
		}
		if (added.isEmpty()) {
			return;
		}
		this.assigned.addAll(added);
		reader.assign(this.assigned);
		reader.seekToBeginning(added);
	}

	private void apply(ConsumerRecord<String, String> record) {
		if (record.key() == null) {
			return;
		}
		String id = PersonalDataKeys.id(record.topic(), record.key());
		if (record.value() == null) {
			this.keys.remove(id);
		}
		else {
			this.keys.put(id, Base64.getDecoder().decode(this.kek.open(record.value())));
		}
	}

	private Consumer<String, String> reader() {
		if (this.consumer == null) {
			Properties properties = new Properties();
			properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
			// Made compacted by KeysTopics, never by a metadata request.
			properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
			properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
			this.consumer = this.consumers.createConsumer(null, "personal-data-keys", null, properties);
		}
		return this.consumer;
	}

	@Override
	public void destroy() {
		this.reading.lock();
		try {
			if (this.consumer != null) {
				this.consumer.close(Duration.ofSeconds(5));
				this.consumer = null;
			}
		}
		finally {
			this.reading.unlock();
		}
	}

}
