package org.groundgame.support.personaldata;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventCatalog;
import org.groundgame.events.PersonalData;
import org.groundgame.events.Topics;
import org.groundgame.support.cloudevents.EventJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Crypto-shredding of the personal data in events. On the way out, each
 * {@link PersonalData} field of an event is sealed with the key of the personal record it
 * belongs to ({@link DomainEvent#personalDataSubject()}), which its owning service keeps
 * ({@link PersonalDataKeys}); on the way in, a consumer opens the fields with its copy of
 * the keys ({@link PersonalDataKeyring}). Once a record is erased its key is gone
 * everywhere, and every copy of its personal data on Kafka is ciphertext that nothing
 * opens. The rest of an event stays in clear: ids, chapters, races, times.
 */
public class PersonalDataProtection {

	private static final ClassValue<List<String>> FIELDS = new ClassValue<>() {
		@Override
		protected List<String> computeValue(Class<?> type) {
			RecordComponent[] components = type.getRecordComponents();
			return (components != null) ? Arrays.stream(components)
				.filter((component) -> component.isAnnotationPresent(PersonalData.class))
				.map(RecordComponent::getName)
				.toList() : List.of();
		}
	};

	private final EventJson json;

	private final PersonalDataKeys keys;

	private final PersonalDataKeyring keyring;

	public PersonalDataProtection(EventJson json, PersonalDataKeys keys, PersonalDataKeyring keyring) {
		this.json = json;
		this.keys = keys;
		this.keyring = keyring;
	}

	/** The names of the event type's personal-data fields. */
	public static List<String> fieldsOf(Class<? extends DomainEvent> type) {
		return FIELDS.get(type);
	}

	/** The keys topic of the service that publishes this type of event. */
	public static String keysTopicOf(Class<? extends DomainEvent> type) {
		return Topics.keysOf(EventCatalog.topicOf(type));
	}

	/**
	 * The event as JSON with its personal data sealed, and the key that sealed it.
	 */
	public Sealed seal(DomainEvent event) {
		List<String> fields = fieldsOf(event.getClass());
		if (fields.isEmpty()) {
			// Most events carry nothing personal: written as they are, without a tree.
			return new Sealed(this.json.write(event), null);
		}
		ObjectNode tree = this.json.tree(event);
		if (fields.stream().noneMatch((field) -> isText(tree.get(field)))) {
			return new Sealed(this.json.write(tree), null);
		}
		String keysTopic = keysTopicOf(event.getClass());
		String subject = event.personalDataSubject();
		byte[] key = this.keys.keyFor(keysTopic, subject);
		for (String field : fields) {
			JsonNode value = tree.get(field);
			if (!isText(value)) {
				continue;
			}
			if (key == null) {
				// The record is being erased: nothing of it leaves in clear.
				tree.remove(field);
			}
			else {
				tree.put(field, SealedField.seal(keysTopic, subject, field, key, value.stringValue()).text());
			}
		}
		return new Sealed(this.json.write(tree), (key != null) ? new KeyReference(keysTopic, subject) : null);
	}

	/**
	 * Reads an event, opening its sealed fields with the keys this service holds; a field
	 * whose key was destroyed reads as absent. Fields in clear (events published before
	 * their producer sealed personal data) are read as they are.
	 */
	public <E extends DomainEvent> E read(byte[] payload, Class<E> type) {
		List<String> fields = fieldsOf(type);
		if (fields.isEmpty()) {
			return this.json.read(payload, type);
		}
		JsonNode node = this.json.tree(payload);
		if (node instanceof ObjectNode tree) {
			for (String field : fields) {
				JsonNode value = tree.get(field);
				SealedField sealed = isText(value) ? SealedField.parse(value.stringValue()) : null;
				if (sealed == null) {
					continue;
				}
				byte[] key = this.keyring.key(sealed.keysTopic(), sealed.subject());
				if (key == null) {
					tree.remove(field);
				}
				else {
					tree.put(field, sealed.open(field, key));
				}
			}
		}
		return this.json.read(node, type);
	}

	/** Drops this service's copies of the keys an erasure event destroyed. */
	public void erased(DomainEvent event) {
		List<String> subjects = event.erasedPersonalDataSubjects();
		if (!subjects.isEmpty()) {
			this.keyring.forget(keysTopicOf(event.getClass()), subjects);
		}
	}

	/**
	 * The relay's part: destroys the keys an erasure event names, before publishing it.
	 */
	public void destroyKeys(String keysTopic, List<String> subjects) {
		this.keys.erase(keysTopic, subjects);
	}

	/**
	 * The relay's part: shares the key an event was sealed with, before publishing it.
	 */
	public void shareKey(KeyReference key) {
		this.keys.ensureShared(key.keysTopic(), key.subject());
	}

	/** Whether a value read from an event is personal data sealed by a producer. */
	public static boolean isSealed(String value) {
		return SealedField.parse(value) != null;
	}

	private static boolean isText(JsonNode value) {
		return value != null && value.isString();
	}

	/**
	 * @param payload the event as JSON
	 * @param key the record whose key sealed it, or {@code null} if nothing was sealed
	 */
	public record Sealed(String payload, KeyReference key) {
	}

	/**
	 * @param keysTopic the keys topic
	 * @param subject the personal record
	 */
	public record KeyReference(String keysTopic, String subject) {
	}

}
