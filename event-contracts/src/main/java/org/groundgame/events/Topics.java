package org.groundgame.events;

/**
 * One topic per producing service; the producing service's name is the CloudEvents
 * source.
 */
public final class Topics {

	public static final String ENDORSEMENT = "groundgame.endorsement.events";

	public static final String VOLUNTEER = "groundgame.volunteer.events";

	public static final String TRAINING = "groundgame.training.events";

	private Topics() {
	}

}
