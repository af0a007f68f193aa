package org.groundgame.notification.preference;

import java.util.regex.Pattern;

import org.groundgame.support.secrets.KeyEncryption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
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

	private final MongoTemplate mongo;

	private final KeyEncryption kek;

	PreferenceTokenReencryption(MongoTemplate mongo, KeyEncryption kek) {
		this.mongo = mongo;
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
		Query notCurrent = Query.query(Criteria.where("sealedToken")
			.not()
			.regex("^" + Pattern.quote("{kek:" + this.kek.currentKeyId() + "}")));
		for (PreferenceDocument document : this.mongo.find(notCurrent, PreferenceDocument.class)) {
			if (this.kek.isCurrent(document.sealedToken())) {
				continue;
			}
			Query unchanged = Query
				.query(Criteria.where("_id").is(document.id()).and("sealedToken").is(document.sealedToken()));
			Update update = Update.update("sealedToken", this.kek.seal(this.kek.open(document.sealedToken())));
			if (this.mongo.updateFirst(unchanged, update, PreferenceDocument.class).getModifiedCount() == 1) {
				sealed++;
			}
		}
		return sealed;
	}

}
