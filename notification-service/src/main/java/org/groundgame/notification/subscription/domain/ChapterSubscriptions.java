package org.groundgame.notification.subscription.domain;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** The subscriptions chapters have stored, for targeting notifications. */
public interface ChapterSubscriptions {

	/**
	 * The chapters that chose to hear of a state besides their own.
	 * @param state a two-letter code, in upper case
	 */
	Set<String> chapterIdsFollowing(String state);

	/**
	 * The stored subscriptions of some chapters, by chapter id; a chapter that has stored
	 * none is absent (and has the {@linkplain Subscription#defaultsFor defaults}).
	 */
	Map<String, Subscription> storedOf(Collection<String> chapterIds);

}
