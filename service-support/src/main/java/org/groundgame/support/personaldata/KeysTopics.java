package org.groundgame.support.personaldata;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Makes the keys topics, compacted, before anyone writes or reads them: a keys topic that
 * a client's metadata request created with the broker's defaults would keep destroyed
 * keys for the broker's whole retention. A tombstone stays a day, time enough for every
 * consumer to see it; the key it replaces leaves the log at the latest
 * {@code max-compaction-lag} after it (with the next write to the partition).
 */
public class KeysTopics {

	private final KafkaAdmin admin;

	private final PersonalDataProperties properties;

	private final Set<String> made = ConcurrentHashMap.newKeySet();

	public KeysTopics(KafkaAdmin admin, PersonalDataProperties properties) {
		this.admin = admin;
		this.properties = properties;
	}

	void ensure(String topic) {
		if (this.made.contains(topic)) {
			return;
		}
		this.admin.createOrModifyTopics(spec(topic));
		this.made.add(topic);
	}

	NewTopic spec(String topic) {
		Duration lag = this.properties.maxCompactionLag();
		return TopicBuilder.name(topic)
			.partitions(this.properties.keysTopicPartitions())
			.compact()
			.config(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, Long.toString(lag.toMillis()))
			.config(TopicConfig.SEGMENT_MS_CONFIG, Long.toString(lag.toMillis()))
			.config(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.01")
			.config(TopicConfig.DELETE_RETENTION_MS_CONFIG, Long.toString(Duration.ofDays(1).toMillis()))
			.build();
	}

}
