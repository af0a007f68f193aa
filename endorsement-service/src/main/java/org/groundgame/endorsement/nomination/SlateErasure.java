package org.groundgame.endorsement.nomination;

import java.util.List;

/**
 * What an erasure takes from the slates (the slates' own store does it): the statements
 * of the slates that hold an erased candidate's nominations, and an erased nominator's
 * name, address and statements.
 */
public interface SlateErasure {

	/** The statements of the slates holding any of these nominations go. */
	void eraseStatementsOfSlatesWith(List<String> nominationIds);

	/**
	 * The nominator's name, address and statement leave every slate they put forward.
	 * @return how many slates changed
	 */
	long eraseNominator(String address);

}
