package org.groundgame.support.audit;

import org.jspecify.annotations.Nullable;

/**
 * What a check of the whole audit chain found.
 *
 * @param intact whether every entry is in place and unchanged
 * @param verifiedEntries how many entries, from the first, were found in order
 * @param headHash the hash of the last entry found in order: keep it elsewhere, and a
 * later check that does not pass through it shows the end of the chain was cut off
 * @param brokenAt the first entry found missing or changed, if any
 * @param problem what is wrong with it
 */
public record AuditVerification(boolean intact, long verifiedEntries, String headHash, @Nullable Long brokenAt,
		@Nullable String problem) {

	static AuditVerification intact(long entries, String headHash) {
		return new AuditVerification(true, entries, headHash, null, null);
	}

	static AuditVerification broken(long verifiedEntries, String headHash, long brokenAt, String problem) {
		return new AuditVerification(false, verifiedEntries, headHash, brokenAt, problem);
	}

}
