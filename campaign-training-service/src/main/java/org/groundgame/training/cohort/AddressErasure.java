package org.groundgame.training.cohort;

/**
 * What else the school keeps under a person's address, erased when a trainee of that
 * address is (the erasure is of the person, not of one application): declared by the
 * feature that keeps it, called by the cohort's erasure before the enrollment is made
 * anonymous, while its address is still known.
 */
public interface AddressErasure {

	/** Erases what is kept under this address (any case, any surrounding space). */
	void erase(String email);

}
