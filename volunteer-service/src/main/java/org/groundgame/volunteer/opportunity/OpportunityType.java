package org.groundgame.volunteer.opportunity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What volunteers do on an opportunity's shifts. */
enum OpportunityType {

	CANVASS, PHONE_BANK, DEEP_CANVASS, TEXT_BANK, VOTER_REG, GOTV, TRAINING;

	static final String INVALID_MESSAGE = "must be one of " + Arrays.toString(values());

	/** The type named, in any case and with blanks around it. */
	static Optional<OpportunityType> parse(String name) {
		if (name == null || name.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
