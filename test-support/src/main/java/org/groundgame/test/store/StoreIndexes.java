package org.groundgame.test.store;

import java.util.List;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;

/**
 * The indexes a collection has in the store, by name, for the services'
 * {@code StoreIndexesTests}: the stores create their indexes themselves, under the names
 * a running deployment already has.
 */
public final class StoreIndexes {

	private static final String ID_INDEX = "_id_";

	private StoreIndexes() {
	}

	/** The names of every index of the collection, {@code _id_} included. */
	public static List<String> names(MongoTemplate mongo, String collection) {
		return mongo.indexOps(collection).getIndexInfo().stream().map(IndexInfo::getName).toList();
	}

	/** The names of the collection's unique indexes, other than {@code _id_}. */
	public static List<String> unique(MongoTemplate mongo, String collection) {
		return mongo.indexOps(collection)
			.getIndexInfo()
			.stream()
			.filter(IndexInfo::isUnique)
			.map(IndexInfo::getName)
			.filter((name) -> !ID_INDEX.equals(name))
			.toList();
	}

}
