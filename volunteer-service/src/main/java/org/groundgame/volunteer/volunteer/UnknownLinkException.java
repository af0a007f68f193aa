package org.groundgame.volunteer.volunteer;

import org.groundgame.support.domain.NotFoundException;

/**
 * A private link that names nothing pending: never issued, used already, or expired
 * ({@code 404}, the same for each, and never repeating the token).
 */
class UnknownLinkException extends NotFoundException {

	UnknownLinkException() {
		super("pending change", "in this link");
	}

	@Override
	public String getMessage() {
		return "This link is unknown, was used already or has expired; sign up again to get a new one";
	}

}
