package org.groundgame.notification.delivery;

import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.chapter.domain.Chapters;
import org.groundgame.notification.delivery.domain.RetrySchedule;
import org.groundgame.notification.rule.ChapterAudience;
import org.groundgame.notification.subscription.domain.ChapterSubscriptions;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(DeliveryProperties.class)
class DeliveryConfiguration {

	@Bean
	RetrySchedule retrySchedule(DeliveryProperties properties) {
		return new RetrySchedule(properties.retrySchedule(), properties.jitter(), properties.retryAfterCap());
	}

	@Bean
	ChapterAudience chapterAudience(ChapterDirectory directory, Chapters chapters, ChapterSubscriptions subscriptions) {
		return new ChapterAudience(directory, chapters, subscriptions);
	}

}
