package org.groundgame.training.cohort;

/**
 * Makes the private link of each seat offer, for the e-mail that tells the trainee: a new
 * capability token in a URL, of which only the hash is kept.
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
