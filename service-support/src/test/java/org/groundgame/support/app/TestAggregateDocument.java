package org.groundgame.support.app;

import java.util.ArrayList;
import java.util.List;

import org.groundgame.support.outbox.HasOutbox;
import org.groundgame.support.outbox.OutboxEvent;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("test_aggregates")
public class TestAggregateDocument implements HasOutbox {

	@Id
	private String id;

	@Version
	private Long version;

	private String name;

	private List<OutboxEvent> outbox = new ArrayList<>();

	public TestAggregateDocument(String id, String name) {
		this.id = id;
		this.name = name;
	}

	public String getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	@Override
	public List<OutboxEvent> getOutbox() {
		return this.outbox;
	}

}
