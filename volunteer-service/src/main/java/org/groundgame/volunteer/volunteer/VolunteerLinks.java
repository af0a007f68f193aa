package org.groundgame.volunteer.volunteer;

/**
 * Makes the private links a volunteer is e-mailed: a new capability token in each, of
 * which only the hash is kept. Given to the domain by the application service, which
 * knows the platform's public address.
 */
interface VolunteerLinks {

	/**
	 * A new key for the volunteer: the link to RSVP and manage signups, and their feed.
	 */
	Key newKey(String volunteerId);

	/**
	 * A new single-use link that confirms a change asked for with a volunteer's address.
	 */
	Confirmation newConfirmation();

	/**
	 * The address of the volunteer's own calendar feed (with its feed token), or
	 * {@code null} when the service serves none: for the volunteer's own page and their
	 * e-mails only.
	 */
	String calendarUrl(String volunteerId);

	/**
	 * @param tokenHash what is stored of the key
	 * @param manageUrl the link holding the key, for the e-mail only
	 * @param calendarUrl the volunteer's calendar feed, for the e-mail only
	 */
	record Key(String tokenHash, String manageUrl, String calendarUrl) {

		@Override
		public String toString() {
			return "Key[…]";
		}

	}

	/**
	 * @param tokenHash what is stored of the token
	 * @param url the link holding the token, for the e-mail only
	 */
	record Confirmation(String tokenHash, String url) {

		@Override
		public String toString() {
			return "Confirmation[…]";
		}

	}

}
