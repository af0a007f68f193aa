package org.groundgame.volunteer.volunteer;

import org.groundgame.support.domain.NotFoundException;

/**
 * A volunteer's page asked for with a key that opens nothing: the volunteer is unknown,
 * erased, or the key is not (or no longer) theirs. One {@code 404} for all three, naming
 * neither the volunteer nor the key.
 */
class UnknownKeyException extends NotFoundException {

	UnknownKeyException() {
		super("volunteer", "behind this link");
	}

	@Override
	public String getMessage() {
		return "This link is unknown or no longer works; sign up again with your e-mail address to get a new one";
	}

}
