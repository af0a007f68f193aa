package org.groundgame.endorsement.nomination;

/** The bounds of what the endorsement API accepts. */
final class Limits {

	static final int NAME = 200;

	static final int EMAIL = 254;

	static final int URL = 2000;

	static final int OFFICE = 200;

	static final int DISTRICT = 100;

	static final int JURISDICTION = 200;

	static final int STATEMENT = 5000;

	static final int REASON = 5000;

	static final int ID = 100;

	static final int MAX_PAGE_SIZE = 100;

	static final int OCD_DIVISION = 300;

	static final int MAX_VOTES = 1_000_000;

	static final int SLATE_SIZE = 50;

	static final int NOTES = 10_000;

	static final int LIST = 50;

	static final int ANSWERS = 200;

	/**
	 * An e-mail address whose domain has a dot: {@code someone@localhost} is no use to
	 * us.
	 */
	static final String EMAIL_DOMAIN_WITH_DOT = ".+@[^@\\s]+\\.[^@\\s]+";

	/** An absolute http(s) URL with a host and no blanks. */
	static final String WEB_ADDRESS = "(?i)https?://[^\\s/?#@]+(?:[/?#]\\S*)?";

	private Limits() {
	}

}
