package org.groundgame.endorsement.profile.domain;

/** Who last changed a profile's draft. */
public enum Editor {

	/** The candidate, through their private link. */
	CANDIDATE,

	/** National staff. */
	STAFF

}
