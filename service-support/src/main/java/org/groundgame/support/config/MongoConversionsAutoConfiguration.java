package org.groundgame.support.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Dates and times are stored with the MongoDB driver's own codecs, which use UTC: Spring
 * Data's default converts {@code LocalDate} and {@code LocalDateTime} through the JVM's
 * time zone, so two instances in different zones would read different election days from
 * the same document.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
public class MongoConversionsAutoConfiguration {

	@Bean
	MongoCustomConversions mongoCustomConversions() {
		return MongoCustomConversions
			.create(MongoCustomConversions.MongoConverterConfigurationAdapter::useNativeDriverJavaTimeCodecs);
	}

}
