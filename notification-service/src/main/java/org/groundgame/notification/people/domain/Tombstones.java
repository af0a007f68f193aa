package org.groundgame.notification.people.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Who was erased, and when: nothing else is kept of them. A tombstone keeps data that
 * arrives late (an older sign-up, redelivered) from bringing an erased person back.
 */
public interface Tombstones {

	/**
	 * Records that a person was erased. Idempotent; erased twice, the later time is kept.
	 */
	void erased(String personId, Instant erasedAt);

	/** When the person was last erased, if ever. */
	Optional<Instant> erasedAt(String personId);

}
