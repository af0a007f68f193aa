package org.groundgame.support.cloudevents;

import org.groundgame.events.DomainEvent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON form of events, independent of each service's web JSON settings so that the
 * contract does not change when a service's API does. Readers are tolerant: unknown
 * fields are ignored.
 */
public final class EventJson {

	private final JsonMapper mapper = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	public String write(DomainEvent event) {
		return this.mapper.writeValueAsString(event);
	}

	public String write(JsonNode tree) {
		return this.mapper.writeValueAsString(tree);
	}

	public <E extends DomainEvent> E read(byte[] json, Class<E> type) {
		return this.mapper.readValue(json, type);
	}

	public <E extends DomainEvent> E read(JsonNode tree, Class<E> type) {
		return this.mapper.treeToValue(tree, type);
	}

	/** The event as a JSON object, as {@link #write(DomainEvent)} writes it. */
	public ObjectNode tree(DomainEvent event) {
		return this.mapper.valueToTree(event);
	}

	public JsonNode tree(byte[] json) {
		return this.mapper.readTree(json);
	}

}
