package org.groundgame.notification.subscription;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.groundgame.notification.batch.Batches;
import org.groundgame.notification.subscription.domain.ChapterSubscriptions;
import org.groundgame.notification.subscription.domain.Subscription;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.ReplaceOptions;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The chapters' stored subscriptions, one document each. */
@Repository
class SubscriptionStore implements ChapterSubscriptions, DisposableBean {

	private final MongoTemplate mongo;

	private final WebhookSecretCipher cipher;

	/**
	 * The subscriptions the delivery workers read at the same moment (each attempt reads
	 * its chapter's webhook), in one find.
	 */
	private final Batches<String, Optional<Subscription>> reads;

	SubscriptionStore(MongoTemplate mongo, WebhookSecretCipher cipher) {
		this.mongo = mongo;
		mongo.indexOps(SubscriptionDocument.class)
			// As the document declared it before (same name and key): the subscriptions
			// of a state.
			.createIndex(new Index().on("states", Sort.Direction.ASC).named("states"));
		this.cipher = cipher;
		this.reads = new Batches<>("subscriptions-read", 128, this::findAll);
	}

	Optional<Subscription> find(String chapterId) {
		return Optional.ofNullable(this.mongo.findById(chapterId, SubscriptionDocument.class))
			.map((document) -> document.toSubscription(this.cipher));
	}

	/**
	 * The chapter's subscription as stored now, read together with those that others ask
	 * for at the same moment ({@link Batches}): for the delivery workers, each of which
	 * reads its chapter's webhook before an attempt.
	 */
	Optional<Subscription> findNow(String chapterId) {
		return this.reads.submit(chapterId);
	}

	private List<Optional<Subscription>> findAll(List<String> chapterIds) {
		if (chapterIds.size() == 1) {
			return List.of(find(chapterIds.get(0)));
		}
		Map<String, Subscription> stored = storedOf(new LinkedHashSet<>(chapterIds));
		return chapterIds.stream().map((chapterId) -> Optional.ofNullable(stored.get(chapterId))).toList();
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

	/** How many chapters' webhooks are disabled. */
	long countDisabledWebhooks() {
		return this.mongo.count(Query.query(Criteria.where("webhookDisabledAt").ne(null)), SubscriptionDocument.class);
	}

	/** The chapter's webhook at that address answered: it is failing no more. */
	void webhookSucceeded(String chapterId, String url) {
		this.mongo.updateFirst(endpoint(chapterId, url).addCriteria(Criteria.where("webhookFailingSince").ne(null)),
				Update.update("webhookFailingSince", null), SubscriptionDocument.class);
	}

	/**
	 * The chapter's webhook at that address failed: failing since then, unless already.
	 */
	void webhookFailing(String chapterId, String url, Instant at) {
		this.mongo.updateFirst(endpoint(chapterId, url).addCriteria(Criteria.where("webhookFailingSince").is(null)),
				Update.update("webhookFailingSince", at), SubscriptionDocument.class);
	}

	/**
	 * Disables the chapter's webhook at that address, unless it is disabled already.
	 * @return whether this call disabled it
	 */
	boolean disableWebhook(String chapterId, String url, Instant at, String reason) {
		return this.mongo
			.updateFirst(endpoint(chapterId, url).addCriteria(Criteria.where("webhookDisabledAt").is(null)),
					Update.update("webhookDisabledAt", at).set("webhookDisabledReason", reason),
					SubscriptionDocument.class)
			.getModifiedCount() == 1;
	}

	/** The documents of the subscriptions with a webhook secret, as stored (sealed). */
	List<SubscriptionDocument> withWebhookSecrets() {
		return this.mongo.find(Query.query(Criteria.where("webhookSecret").ne(null)), SubscriptionDocument.class);
	}

	/**
	 * Replaces the sealed secrets of a subscription with the same secrets sealed again,
	 * unless the subscription changed since it was read.
	 * @param retired the retired secrets sealed again, or {@code null} to leave them
	 * @return whether they were replaced
	 */
	boolean resealWebhookSecrets(SubscriptionDocument read, String secret,
			List<SubscriptionDocument.RetiredSecretDocument> retired) {
		Query unchanged = Query.query(Criteria.where("_id")
			.is(read.chapterId())
			.and("webhookSecret")
			.is(read.webhookSecret())
			.and("updatedAt")
			.is(read.updatedAt()));
		Update update = Update.update("webhookSecret", secret);
		if (retired != null) {
			update.set("webhookRetiredSecrets", retired);
		}
		return this.mongo.updateFirst(unchanged, update, SubscriptionDocument.class).getModifiedCount() == 1;
	}

	private static Query endpoint(String chapterId, String url) {
		return Query.query(Criteria.where("_id").is(chapterId).and("webhookUrl").is(url));
	}

	/** Ends the batches' threads (the application stops). */
	@Override
	public void destroy() {
		this.reads.close();
	}

}
