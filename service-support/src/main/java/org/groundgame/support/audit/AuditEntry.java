package org.groundgame.support.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * One link of a service's audit chain: what changed (the action and the resource), who
 * changed it and through which request, when, the facts of the change without personal
 * data, and the hash that ties it to every entry before it. Entries are numbered from 1
 * without gaps; each {@link #hash()} covers its own fields and the previous entry's hash,
 * so changing or deleting any past entry breaks every hash after it.
 *
 * @param sequence the entry's place in the chain, from 1
 * @param entryId what makes an entry unique: the event id for a published event
 * @param at when the change happened (to the millisecond)
 * @param action the event's CloudEvents type, or the name of a change made without one
 * @param resourceId the aggregate or resource changed
 * @param actor who made the change
 * @param requestId the gateway's request id of the request that made it, if any
 * @param facts the change's facts as JSON, personal data left out
 * @param previousHash the previous entry's hash ({@link #GENESIS} for the first)
 * @param hash the hex SHA-256 of this entry's fields and {@code previousHash}
 */
public record AuditEntry(long sequence, String entryId, Instant at, String action, String resourceId, AuditActor actor,
		@Nullable String requestId, String facts, String previousHash, String hash) {

	/** What the first entry follows. */
	public static final String GENESIS = "0".repeat(64);

	private static final JsonMapper CANONICAL = JsonMapper.builder().build();

	/**
	 * The entry that follows the given one.
	 */
	static AuditEntry chain(long sequence, String previousHash, String entryId, Instant at, String action,
			String resourceId, AuditActor actor, @Nullable String requestId, String facts) {
		Instant time = at.truncatedTo(ChronoUnit.MILLIS);
		return new AuditEntry(sequence, entryId, time, action, resourceId, actor, requestId, facts, previousHash,
				hashOf(sequence, entryId, time, action, resourceId, actor, requestId, facts, previousHash));
	}

	/** Whether the stored hash is the hash of the stored fields. */
	boolean hashMatches() {
		return this.hash.equals(hashOf(this.sequence, this.entryId, this.at, this.action, this.resourceId, this.actor,
				this.requestId, this.facts, this.previousHash));
	}

	/**
	 * The hash over the fields written as one JSON array: unambiguous (every string is
	 * quoted and escaped), and the same in any language that reads the entry.
	 */
	static String hashOf(long sequence, String entryId, Instant at, String action, String resourceId, AuditActor actor,
			@Nullable String requestId, String facts, String previousHash) {
		String canonical = CANONICAL
			.writeValueAsString(Arrays.asList(sequence, entryId, at.toString(), action, resourceId, actor.subject(),
					actor.clientId(), actor.role(), actor.chapterId(), requestId, facts, previousHash));
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	Document toDocument() {
		return new Document("_id", this.sequence).append("entryId", this.entryId)
			.append("at", Date.from(this.at))
			.append("action", this.action)
			.append("resourceId", this.resourceId)
			.append("actor",
					new Document("subject", this.actor.subject()).append("clientId", this.actor.clientId())
						.append("role", this.actor.role())
						.append("chapterId", this.actor.chapterId()))
			.append("requestId", this.requestId)
			.append("facts", this.facts)
			.append("previousHash", this.previousHash)
			.append("hash", this.hash);
	}

	static AuditEntry of(Document document) {
		Document actor = document.get("actor", Document.class);
		return new AuditEntry(((Number) document.get("_id")).longValue(), document.getString("entryId"),
				document.getDate("at").toInstant(), document.getString("action"), document.getString("resourceId"),
				new AuditActor(actor.getString("subject"), actor.getString("clientId"), actor.getString("role"),
						actor.getString("chapterId")),
				document.getString("requestId"), document.getString("facts"), document.getString("previousHash"),
				document.getString("hash"));
	}

}
