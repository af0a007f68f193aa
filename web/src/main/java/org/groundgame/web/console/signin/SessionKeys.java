package org.groundgame.web.console.signin;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key that seals the console's sessions at rest
 * ({@code groundgame.web.console.sessions.*}): 32 random bytes in Base64 each. A key of
 * their own, not the platform's key-encryption key, which this module has no other use
 * for. Required: the module does not start without {@code key}.
 *
 * @param key the current key ({@code GROUNDGAME_WEB_CONSOLE_SESSIONS_KEY})
 * @param previousKeys keys sessions may still be sealed with, after a rotation
 * ({@code GROUNDGAME_WEB_CONSOLE_SESSIONS_PREVIOUSKEYS}, comma-separated)
 */
@ConfigurationProperties("groundgame.web.console.sessions")
public record SessionKeys(String key, List<String> previousKeys) {

	public SessionKeys {
		previousKeys = (previousKeys != null) ? List.copyOf(previousKeys) : List.of();
	}

	@Override
	public String toString() {
		return "SessionKeys[key=" + ((this.key != null) ? "(set)" : "(none)") + ", previousKeys="
				+ this.previousKeys.size() + "]";
	}

}
