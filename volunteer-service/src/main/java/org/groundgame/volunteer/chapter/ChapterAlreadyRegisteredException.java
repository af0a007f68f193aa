package org.groundgame.volunteer.chapter;

import org.groundgame.support.domain.IllegalStateChangeException;
import org.groundgame.support.geography.UsState;

/**
 * A state already has a chapter of that name (answered as {@code 409}).
 */
class ChapterAlreadyRegisteredException extends IllegalStateChangeException {

	ChapterAlreadyRegisteredException(ChapterName name, UsState state) {
		super("A chapter named '" + name.value() + "' is already registered in " + state.code(), "REGISTERED");
	}

}
