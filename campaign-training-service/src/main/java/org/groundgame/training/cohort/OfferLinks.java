package org.groundgame.training.cohort;

/**
 * Makes the private links to the trainee's page, for the e-mails that carry them (a seat
 * offer; the application's manage link): a new capability token in a URL, of which only
 * the hash is kept.
 */
@FunctionalInterface
interface OfferLinks {

	Link issue(String enrollmentId);

	/**
	 * @param url the link for the trainee, holding the token
	 * @param tokenHash what is stored of the token
	 */
	record Link(String url, String tokenHash) {
	}

}
