package org.groundgame.web.console.signin;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The platform's key-encryption key ({@code groundgame.secrets.*}, as every service reads
 * it), from which the key that seals the console's sessions at rest is derived: 32 random
 * bytes in Base64 each. Required: the module does not start without {@code kek}.
 *
 * @param kek the current key ({@code GROUNDGAME_SECRETS_KEK})
 * @param previousKeks keys sessions may still be sealed with, after a rotation
 */
@ConfigurationProperties("groundgame.secrets")
public record SessionKeys(String kek, List<String> previousKeks) {

	public SessionKeys {
		previousKeks = (previousKeks != null) ? List.copyOf(previousKeks) : List.of();
	}

	@Override
	public String toString() {
		return "SessionKeys[kek=" + ((this.kek != null) ? "(set)" : "(none)") + ", previousKeks="
				+ this.previousKeks.size() + "]";
	}

}
