package org.groundgame.notification.preference.domain;

/**
 * What people chose to receive by e-mail, asked before each attempt to e-mail them.
 */
@FunctionalInterface
public interface EmailChoices {

	/**
	 * Whether an e-mail of a topic may go to an address now.
	 * @param address where it goes
	 * @param topic what it is about
	 * @return {@code false} when the person there left the topic or stopped e-mail (never
	 * for a transactional message)
	 */
	boolean allows(String address, EmailTopic topic);

}
