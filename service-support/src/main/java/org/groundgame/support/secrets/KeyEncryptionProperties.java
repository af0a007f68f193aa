package org.groundgame.support.secrets;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key-encryption key (KEK) a service seals its secrets at rest with,
 * {@code groundgame.secrets.*}: 32 random bytes in Base64 each (e.g.
 * {@code openssl rand -base64 32}).
 *
 * @param kek the current key: every secret is sealed with it, and the re-encryption run
 * moves every secret to it ({@code GROUNDGAME_SECRETS_KEK})
 * @param previousKeks keys secrets may still be sealed with, read but never written:
 * after a rotation, the one it replaced, until the re-encryption run has moved everything
 * ({@code GROUNDGAME_SECRETS_PREVIOUSKEKS}, comma-separated)
 */
@ConfigurationProperties("groundgame.secrets")
public record KeyEncryptionProperties(String kek, List<String> previousKeks) {

	public KeyEncryptionProperties {
		previousKeks = (previousKeks != null) ? List.copyOf(previousKeks) : List.of();
	}

	@Override
	public String toString() {
		return "KeyEncryptionProperties[kek=" + ((this.kek != null) ? "(set)" : "(none)") + ", previousKeks="
				+ this.previousKeks.size() + "]";
	}

}
