package org.groundgame.events;

import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code asyncapi.yaml} true to the event records: every event of the catalog is
 * documented on its topic with its CloudEvents type and exactly its fields (personal data
 * marked as the record marks it), and nothing else is documented.
 */
class AsyncApiDocumentTests {

	private static JsonNode document;

	@BeforeAll
	static void readDocument() throws Exception {
		try (InputStream in = AsyncApiDocumentTests.class.getResourceAsStream("/asyncapi.yaml")) {
			document = YAMLMapper.builder().build().readTree(in);
		}
	}

	@Test
	void everyEventIsDocumentedOnItsTopicWithItsType() {
		for (Class<? extends DomainEvent> event : EventCatalog.events()) {
			String name = event.getSimpleName();
			JsonNode message = document.path("components").path("messages").path(name);
			assertThat(message.isMissingNode()).as("message %s is documented", name).isFalse();
			assertThat(message.path("x-cloudevents-type").asString()).as("type of %s", name)
				.isEqualTo(EventCatalog.typeOf(event));
			assertThat(channelCarrying(name)).as("topic of %s", name).isEqualTo(EventCatalog.topicOf(event));
			assertThat(message.path("summary").asString()).as("summary of %s", name)
				.isEqualTo(EventCatalog.descriptionOf(event));
		}
	}

	@Test
	void everyPayloadSchemaHasExactlyTheFieldsOfItsRecord() {
		for (Class<? extends DomainEvent> event : EventCatalog.events()) {
			assertSchemaMatches(event, schema(event.getSimpleName()), event.getSimpleName());
		}
	}

	@Test
	void nothingIsDocumentedThatTheCodeDoesNotPublish() {
		Set<String> documented = new LinkedHashSet<>(document.path("components").path("messages").propertyNames());
		Set<String> published = new LinkedHashSet<>();
		EventCatalog.events().forEach((event) -> published.add(event.getSimpleName()));
		assertThat(documented).containsExactlyInAnyOrderElementsOf(published);
		Set<String> topics = new LinkedHashSet<>();
		document.path("channels").forEach((channel) -> topics.add(channel.path("address").asString()));
		assertThat(topics).containsExactlyInAnyOrder(Topics.ENDORSEMENT, Topics.VOLUNTEER, Topics.TRAINING);
	}

	private static String channelCarrying(String messageName) {
		List<String> addresses = new ArrayList<>();
		document.path("channels").forEach((channel) -> {
			if (channel.path("messages").has(messageName)) {
				addresses.add(channel.path("address").asString());
			}
		});
		assertThat(addresses).as("channels carrying %s", messageName).hasSize(1);
		return addresses.get(0);
	}

	private static JsonNode schema(String name) {
		JsonNode schema = document.path("components").path("schemas").path(name);
		assertThat(schema.isMissingNode()).as("schema %s is documented", name).isFalse();
		return schema;
	}

	private static void assertSchemaMatches(Class<?> record, JsonNode schema, String path) {
		assertThat(schema.path("type").asString()).as("%s is an object", path).isEqualTo("object");
		Set<String> fields = new LinkedHashSet<>();
		for (RecordComponent component : record.getRecordComponents()) {
			fields.add(component.getName());
		}
		assertThat(schema.path("properties").propertyNames()).as("fields of %s", path)
			.containsExactlyInAnyOrderElementsOf(fields);
		for (RecordComponent component : record.getRecordComponents()) {
			JsonNode property = schema.path("properties").path(component.getName());
			assertThat(property.path("x-personal-data").asBoolean(false))
				.as("%s.%s is x-personal-data exactly when the record marks it @PersonalData", path,
						component.getName())
				.isEqualTo(component.isAnnotationPresent(PersonalData.class));
			assertTypeMatches(component.getGenericType(), property, path + "." + component.getName());
		}
	}

	private static void assertTypeMatches(Type type, JsonNode property, String path) {
		if (property.has("$ref")) {
			String ref = property.path("$ref").asString();
			property = schema(ref.substring(ref.lastIndexOf('/') + 1));
		}
		if (type instanceof ParameterizedType parameterized
				&& Collection.class.isAssignableFrom((Class<?>) parameterized.getRawType())) {
			assertThat(property.path("type").asString()).as(path).isEqualTo("array");
			assertTypeMatches(parameterized.getActualTypeArguments()[0], property.path("items"), path + "[]");
			return;
		}
		Class<?> raw = (Class<?>) type;
		if (raw.isRecord()) {
			assertSchemaMatches(raw, property, path);
			return;
		}
		assertThat(property.path("type").asString()).as("JSON type of %s", path).isEqualTo(jsonType(raw));
		if (raw == Instant.class) {
			assertThat(property.path("format").asString()).as("format of %s", path).isEqualTo("date-time");
		}
		if (raw == LocalDate.class) {
			assertThat(property.path("format").asString()).as("format of %s", path).isEqualTo("date");
		}
	}

	private static String jsonType(Class<?> type) {
		if (type == boolean.class || type == Boolean.class) {
			return "boolean";
		}
		if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
			return "integer";
		}
		if (Number.class.isAssignableFrom(type) || type == double.class) {
			return "number";
		}
		if (type.isEnum() || type == String.class || type == Instant.class || type == LocalDate.class) {
			return "string";
		}
		throw new AssertionError("No JSON type is known for " + type + ": teach this test about it");
	}

}
