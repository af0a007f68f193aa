package org.groundgame.notification.inbox.domain;

import java.util.Objects;

/** What a notification says, whatever the channel: a one-line title and a body. */
public record Notice(String title, String body) {

	public Notice {
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(body, "body");
	}

}
