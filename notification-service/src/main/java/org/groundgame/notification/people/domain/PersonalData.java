package org.groundgame.notification.people.domain;

/**
 * Something in this service that holds personal data of people: their contact details, or
 * anything that names them (an inbox entry, a delivery, a digest). When a person is
 * erased, every implementation is asked to erase what it holds of them.
 * <p>
 * Implementations must be idempotent (an erasure may run again after a failure) and must
 * not fail when they hold nothing of the person.
 */
@FunctionalInterface
public interface PersonalData {

	/** Erases, for good, what this holds of the person. */
	void erase(String personId);

}
