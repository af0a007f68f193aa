package org.groundgame.notification.email;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who the e-mails are from, per deployment. The SMTP server itself is Spring Boot's
 * {@code spring.mail.*}.
 *
 * @param from the sender's address
 * @param fromName the sender's display name
 * @param replyTo where replies go (a person people can write to, e.g. to stop e-mails);
 * the sender's address if not set
 */
@ConfigurationProperties("groundgame.notification.email")
public record EmailProperties(@DefaultValue("notifications@groundgame.localhost") String from,
		@DefaultValue("Ground Game") String fromName, String replyTo) {

	/** The defaults, for code that runs without Spring (tests). */
	public static EmailProperties defaults() {
		return new EmailProperties("notifications@groundgame.localhost", "Ground Game", null);
	}

	/**
	 * Where replies go.
	 * @return the reply-to address, or the sender's if none is set
	 */
	public String replyToOrFrom() {
		return (this.replyTo != null && !this.replyTo.isBlank()) ? this.replyTo : this.from;
	}

}
