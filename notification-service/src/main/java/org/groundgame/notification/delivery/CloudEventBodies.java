package org.groundgame.notification.delivery;

import java.util.Map;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventCatalog;
import org.groundgame.events.Topics;
import org.groundgame.support.cloudevents.EventJson;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * A webhook's body: the event as a CloudEvent in structured JSON mode, with the same
 * attributes it carried on Kafka and its data exactly as the producer's contract defines
 * it.
 */
@Component
class CloudEventBodies {

	/** The producing service of each topic, which is the CloudEvents source. */
	private static final Map<String, String> SOURCES = Map.of(Topics.ENDORSEMENT, "/groundgame/endorsement-service",
			Topics.VOLUNTEER, "/groundgame/volunteer-service", Topics.TRAINING,
			"/groundgame/campaign-training-service");

	static final String NOTIFICATION_SOURCE = "/groundgame/notification-service";

	private final EventJson events = new EventJson();

	private final JsonMapper json = JsonMapper.builder().build();

	String of(DomainEvent event) {
		Class<? extends DomainEvent> type = event.getClass();
		ObjectNode body = envelope(event.eventId(), EventCatalog.typeOf(type),
				SOURCES.getOrDefault(EventCatalog.topicOf(type), NOTIFICATION_SOURCE), event.aggregateId(),
				event.occurredAt().toString());
		body.set("data", this.json.readTree(this.events.write(event)));
		return this.json.writeValueAsString(body);
	}

	/** A CloudEvent of this service's own, such as a test event. */
	String own(String id, String type, String subject, String time, Map<String, Object> data) {
		ObjectNode body = envelope(id, type, NOTIFICATION_SOURCE, subject, time);
		body.set("data", this.json.valueToTree(data));
		return this.json.writeValueAsString(body);
	}

	private ObjectNode envelope(String id, String type, String source, String subject, String time) {
		ObjectNode body = this.json.createObjectNode();
		body.put("specversion", "1.0");
		body.put("id", id);
		body.put("source", source);
		body.put("type", type);
		if (subject != null) {
			body.put("subject", subject);
		}
		body.put("time", time);
		body.put("datacontenttype", "application/json");
		return body;
	}

}
