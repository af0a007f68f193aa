package org.groundgame.notification.preference;

import org.groundgame.support.secrets.KeyEncryption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At every start, the preferences tokens not sealed with the current key-encryption key
 * (after a rotation of {@code groundgame.secrets.kek}, sealed with the previous one,
 * which {@code groundgame.secrets.previous-keks} still opens) are sealed with it, so that
 * the previous key can then be retired without the next e-mails losing their links. Each
 * document is rewritten only if its sealed token is still what was read.
 */
@Component
class PreferenceTokenReencryption implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PreferenceTokenReencryption.class);

	private final PreferenceStore store;

	private final KeyEncryption kek;

	PreferenceTokenReencryption(PreferenceStore store, KeyEncryption kek) {
		this.store = store;
		this.kek = kek;
	}

	@Override
	public void run(ApplicationArguments args) {
		int sealed = reencrypt();
		if (sealed > 0) {
			log.info("Preferences tokens of {} address(es) sealed with the current key-encryption key", sealed);
		}
	}

	/**
	 * @return how many tokens were sealed again
	 */
	int reencrypt() {
		int sealed = 0;
		for (PreferenceDocument document : this.store.tokensNotSealedWith(this.kek.currentKeyId())) {
			if (this.kek.isCurrent(document.sealedToken())) {
				continue;
			}
			if (this.store.resealToken(document, this.kek.seal(this.kek.open(document.sealedToken())))) {
				sealed++;
			}
		}
		return sealed;
	}

}
