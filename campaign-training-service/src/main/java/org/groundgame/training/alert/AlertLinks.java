package org.groundgame.training.alert;

/**
 * The links the alerts' e-mails carry: the private one that shows and stops an alert (a
 * new capability token, of which only the hash is kept), and the public page of a cohort
 * to apply to.
 */
interface AlertLinks {

	Link issue(String alertId);

	String cohortPage(String cohortId);

	/**
	 * @param url the link for the owner, holding the token
	 * @param tokenHash what is stored of the token
	 */
	record Link(String url, String tokenHash) {
	}

}
