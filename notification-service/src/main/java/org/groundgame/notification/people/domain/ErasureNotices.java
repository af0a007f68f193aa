package org.groundgame.notification.people.domain;

/**
 * Those outside this service that were sent a person's data and must hear of the person's
 * erasure (chapters' webhook receivers). Told once every {@link PersonalData} holder has
 * erased what it keeps of the person, so that nothing still pending can go out with their
 * data afterwards.
 * <p>
 * Implementations must be idempotent: an erasure may run again after a failure.
 */
@FunctionalInterface
public interface ErasureNotices {

	void erased(Erasure erasure);

}
