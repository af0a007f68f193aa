package org.groundgame.notification.subscription;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.groundgame.notification.subscription.domain.ChapterSubscriptions;
import org.groundgame.notification.subscription.domain.Subscription;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.ReplaceOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The chapters' stored subscriptions, one document each. */
@Repository
class SubscriptionStore implements ChapterSubscriptions {

	private final MongoTemplate mongo;

	private final WebhookSecretCipher cipher;

	SubscriptionStore(MongoTemplate mongo, WebhookSecretCipher cipher) {
		this.mongo = mongo;
		this.cipher = cipher;
	}

	Optional<Subscription> find(String chapterId) {
		return Optional.ofNullable(this.mongo.findById(chapterId, SubscriptionDocument.class))
			.map((document) -> document.toSubscription(this.cipher));
	}

	/**
	 * Replaces the chapter's subscription whole (one document write, an upsert by the
	 * chapter's id).
	 */
	void save(Subscription subscription, Instant now) {
		SubscriptionDocument document = SubscriptionDocument.of(subscription, now, this.cipher);
		this.mongo.replace(Query.query(Criteria.where("_id").is(document.chapterId())), document,
				ReplaceOptions.replaceOptions().upsert());
	}

	@Override
	public Set<String> chapterIdsFollowing(String state) {
		// Whole documents (they are small): a record cannot be built from its id alone.
		Query query = Query.query(Criteria.where("states").is(state)).with(Sort.by("_id"));
		Set<String> ids = new LinkedHashSet<>();
		this.mongo.find(query, SubscriptionDocument.class).forEach((document) -> ids.add(document.chapterId()));
		return ids;
	}

	@Override
	public Map<String, Subscription> storedOf(Collection<String> chapterIds) {
		Map<String, Subscription> stored = new LinkedHashMap<>();
		if (chapterIds.isEmpty()) {
			return stored;
		}
		this.mongo.find(Query.query(Criteria.where("_id").in(chapterIds)), SubscriptionDocument.class)
			.forEach((document) -> stored.put(document.chapterId(), document.toSubscription(this.cipher)));
		return stored;
	}

}
