package org.groundgame.test.security;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Everyone who may knock on the service's door, for the authorization tests: no token,
 * the platform's roles (national staff, the school's training staff, a chapter's own and
 * another's), and the tokens a resource server must refuse. The refused ones all claim
 * staff, so that the claim alone opens nothing.
 */
public enum Credential {

	ANONYMOUS, STAFF, TRAINING_STAFF, OWN_CHAPTER, OTHER_CHAPTER, NO_ROLE, EXPIRED, OTHER_KEY, ALG_NONE, WRONG_ISSUER,
	WRONG_AUDIENCE;

	/** What the service must answer with a {@code 401}, wherever they are sent. */
	public static final Set<Credential> REFUSED = EnumSet.range(EXPIRED, WRONG_AUDIENCE);

	/**
	 * The chapter {@link #OTHER_CHAPTER} is: always the same for a chapter, and with an
	 * id that does not contain the chapter's.
	 * @param ownChapter the chapter that owns the data at stake
	 * @return another chapter's id
	 */
	public static String otherChapter(String ownChapter) {
		return "chapter-" + UUID.nameUUIDFromBytes(("other than " + ownChapter).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The bearer token of this caller.
	 * @param ownChapter the chapter that owns the data at stake; {@link #OTHER_CHAPTER}
	 * is another one
	 * @return the token, or {@code null} for {@link #ANONYMOUS}
	 */
	public String token(String ownChapter) {
		return switch (this) {
			case ANONYMOUS -> null;
			case STAFF -> TestTokens.staff();
			case TRAINING_STAFF -> TestTokens.trainingStaff();
			case OWN_CHAPTER -> TestTokens.chapter(ownChapter);
			case OTHER_CHAPTER -> TestTokens.chapter(otherChapter(ownChapter));
			case NO_ROLE -> TestTokens.token().build();
			case EXPIRED -> TestTokens.token().roles("STAFF").expired().build();
			case OTHER_KEY -> TestTokens.token().roles("STAFF").signedWithAnotherKey().build();
			case ALG_NONE -> TestTokens.unsigned();
			case WRONG_ISSUER -> TestTokens.token().roles("STAFF").issuer("https://issuer.example.org").build();
			case WRONG_AUDIENCE -> TestTokens.token().roles("STAFF").audience("another-api").build();
		};
	}

}
