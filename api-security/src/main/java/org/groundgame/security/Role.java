package org.groundgame.security;

/** What a token allows: national staff, or one chapter's people and integrations. */
public enum Role {

	STAFF, CHAPTER;

	/**
	 * The Spring Security authority of this role, for {@code hasRole}.
	 * @return e.g. {@code ROLE_STAFF}
	 */
	public String authority() {
		return "ROLE_" + name();
	}

}
