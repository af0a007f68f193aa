package org.groundgame.endorsement.nomination.domain;

import org.groundgame.support.geography.UsState;

import java.util.List;

/** The endorsements granted so far, as the domain asks about them. */
@FunctionalInterface
public interface EndorsementHistory {

	/** The endorsements granted for races in that state in cycles before that one. */
	List<PastEndorsement> grantedBefore(UsState state, int cycle);

}
