package org.groundgame.endorsement.profile;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** The settings of candidates' profiles. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProfileConfiguration.PhotoProperties.class)
class ProfileConfiguration {

	/**
	 * How uploaded photos are taken and served.
	 *
	 * @param maxUploadSize the largest upload taken; a larger one is a {@code 413}
	 * @param maxDimension the longest side of the stored image, in pixels: larger ones
	 * are scaled down
	 * @param maxSourcePixels the most pixels an upload may declare (width × height),
	 * checked before any of it is decoded: a small file can declare a huge image
	 * @param cacheFor how long browsers and proxies may keep the public photo without
	 * asking again (it is revalidated by its ETag then)
	 */
	@ConfigurationProperties("groundgame.endorsement.profile.photo")
	record PhotoProperties(@DefaultValue("5MB") DataSize maxUploadSize, @DefaultValue("800") int maxDimension,
			@DefaultValue("40000000") long maxSourcePixels, @DefaultValue("10m") Duration cacheFor) {
	}

}
