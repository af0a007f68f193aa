package org.groundgame.security;

/**
 * What a token allows: national staff (endorsements, and everything else staff do), the
 * training staff of the Campaign Leadership School (the school only: they decide no
 * endorsement), or one chapter's people and integrations.
 */
public enum Role {

	STAFF, TRAINING_STAFF, CHAPTER;

	/**
	 * The Spring Security authority of this role, for {@code hasRole}.
	 * @return e.g. {@code ROLE_STAFF}
	 */
	public String authority() {
		return "ROLE_" + name();
	}

}
