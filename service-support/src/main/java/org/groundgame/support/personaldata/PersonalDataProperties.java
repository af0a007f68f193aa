package org.groundgame.support.personaldata;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the keys of personal data travel ({@code groundgame.personal-data.*}).
 *
 * @param maxCompactionLag the longest a destroyed key stays in its keys topic's log after
 * its tombstone (with the next write to the partition); also the topic's segment time
 * @param keysTopicPartitions the partitions of each keys topic when it is made
 * @param keysReadTimeout how long a consumer waits for the keys topic when an event names
 * a key it does not hold yet
 */
@ConfigurationProperties("groundgame.personal-data")
public record PersonalDataProperties(@DefaultValue("1h") Duration maxCompactionLag,
		@DefaultValue("3") int keysTopicPartitions, @DefaultValue("10s") Duration keysReadTimeout) {
}
