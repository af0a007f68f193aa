package org.groundgame.support.audit;

/**
 * Who made a change, as their token says: its subject (a client id or a person's user
 * name), the client it was issued to, the role and, for a chapter, its id. A change that
 * no request caused (a sweep, a consumer reacting to another event) is the service's own:
 * {@link #SYSTEM}. A public caller without a token is {@link #ANONYMOUS}.
 *
 * @param subject the token's subject, or {@code system} / {@code anonymous}
 * @param clientId the OAuth2 client the token was issued to, if the token says
 * @param role the caller's role, if any
 * @param chapterId the chapter of a chapter's token
 */
public record AuditActor(String subject, String clientId, String role, String chapterId) {

	/** The service itself: a scheduled sweep or a reaction to an event. */
	public static final AuditActor SYSTEM = new AuditActor("system", null, null, null);

	/** A caller of a public endpoint without a token. */
	public static final AuditActor ANONYMOUS = new AuditActor("anonymous", null, null, null);

}
