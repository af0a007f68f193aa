package org.groundgame.support.audit;

import org.bson.Document;

/** What a test of the stored chain needs of the entry's package-private form. */
public final class AuditTrailAccess {

	private AuditTrailAccess() {
	}

	public static AuditEntry of(Document stored) {
		return AuditEntry.of(stored);
	}

	/** The hash an entry would have with its fields as they are now. */
	public static String hashOf(AuditEntry entry) {
		return AuditEntry.hashOf(entry.sequence(), entry.entryId(), entry.at(), entry.action(), entry.resourceId(),
				entry.actor(), entry.requestId(), entry.facts(), entry.previousHash());
	}

}
