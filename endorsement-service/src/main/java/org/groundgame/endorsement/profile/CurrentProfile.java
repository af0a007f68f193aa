package org.groundgame.endorsement.profile;

import org.groundgame.endorsement.profile.CandidateDirectory.KnownCandidate;
import org.groundgame.endorsement.profile.domain.CandidateProfile;

/** A candidate's profile as it stands, and whose it is. */
record CurrentProfile(KnownCandidate candidate, CandidateProfile profile) {

}
