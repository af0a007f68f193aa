package org.groundgame.endorsement.common;

/** The bounds of what the endorsement API accepts. */
public final class Limits {

	public static final int NAME = 200;

	public static final int EMAIL = 254;

	public static final int URL = 2000;

	public static final int OFFICE = 200;

	public static final int DISTRICT = 100;

	public static final int JURISDICTION = 200;

	public static final int STATEMENT = 5000;

	public static final int REASON = 5000;

	public static final int ID = 100;

	public static final int MAX_PAGE_SIZE = 100;

	public static final int OCD_DIVISION = 300;

	public static final int MAX_VOTES = 1_000_000;

	public static final int SLATE_SIZE = 50;

	public static final int NOTES = 10_000;

	public static final int LIST = 50;

	public static final int ANSWERS = 200;

	/**
	 * An e-mail address whose domain has a dot: {@code someone@localhost} is no use to
	 * us.
	 */
	public static final String EMAIL_DOMAIN_WITH_DOT = ".+@[^@\\s]+\\.[^@\\s]+";

	/** An absolute http(s) URL with a host and no blanks. */
	public static final String WEB_ADDRESS = "(?i)https?://[^\\s/?#@]+(?:[/?#]\\S*)?";

	private Limits() {
	}

}
