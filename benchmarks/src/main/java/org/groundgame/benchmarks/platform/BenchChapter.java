package org.groundgame.benchmarks.platform;

import java.util.ArrayList;
import java.util.List;

import org.groundgame.support.outbox.HasOutbox;
import org.groundgame.support.outbox.OutboxEvent;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The producing side's aggregate, as a service stores it: its state and its pending
 * events in one document.
 */
@Document(BenchChapter.COLLECTION)
class BenchChapter implements HasOutbox {

	static final String COLLECTION = "bench_chapters";

	@Id
	private final String id;

	private final String name;

	private final String state;

	private final String city;

	private final List<OutboxEvent> outbox;

	@PersistenceCreator
	BenchChapter(String id, String name, String state, String city, List<OutboxEvent> outbox) {
		this.id = id;
		this.name = name;
		this.state = state;
		this.city = city;
		this.outbox = (outbox != null) ? outbox : new ArrayList<>();
	}

	BenchChapter(String id, String name, String state, String city) {
		this(id, name, state, city, new ArrayList<>());
	}

	String getId() {
		return this.id;
	}

	String getName() {
		return this.name;
	}

	String getState() {
		return this.state;
	}

	String getCity() {
		return this.city;
	}

	@Override
	public List<OutboxEvent> getOutbox() {
		return this.outbox;
	}

}
