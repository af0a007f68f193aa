package org.groundgame.notification.preference;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the links to a person's e-mail preferences point,
 * {@code groundgame.notification.preferences.*}.
 *
 * @param publicUrl where the public reaches the platform (the gateway), in front of the
 * preferences page and the one-click unsubscribe address
 * @param pagePath the site's preferences page, which reads the token from the link's
 * fragment: {@code <public-url><page-path>#token=…}
 */
@ConfigurationProperties("groundgame.notification.preferences")
record PreferenceProperties(@DefaultValue("http://localhost:8080") String publicUrl,
		@DefaultValue("/email-preferences") String pagePath) {

	/** The public address without a trailing slash. */
	String base() {
		return this.publicUrl.endsWith("/") ? this.publicUrl.substring(0, this.publicUrl.length() - 1) : this.publicUrl;
	}

}
