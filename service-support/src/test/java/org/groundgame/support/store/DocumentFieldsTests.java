package org.groundgame.support.store;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentFieldsTests {

	private final MappingMongoConverter converter = converter();

	@Test
	void fieldsWithAValueAreSetAsTheConverterWritesThemAndEmptyOnesUnset() {
		Instant at = Instant.parse("2026-12-07T18:00:00Z");
		Update update = DocumentFields.setOrUnset(this.converter, new Sample("s-1", "DONE", null, at, "kept"),
				List.of("status", "why", "completedAt"));

		Document written = update.getUpdateObject();
		assertThat(written.get("$set", Document.class)).containsOnlyKeys("status", "completedAt")
			.containsEntry("status", "DONE")
			.containsEntry("completedAt", java.util.Date.from(at));
		assertThat(written.get("$unset", Document.class)).containsOnlyKeys("why");
	}

	@Test
	void aFieldIsNamedAsItIsStoredAndFieldsNotListedAreLeftAlone() {
		Update update = DocumentFields.setOrUnset(this.converter, new Sample("s-1", "DONE", "why", null, "note"),
				List.of("why"));

		assertThat(update.getUpdateObject().get("$set", Document.class)).containsOnlyKeys("why")
			.containsEntry("why", "why");
		assertThat(update.getUpdateObject().get("$unset")).isNull();
	}

	private static MappingMongoConverter converter() {
		MongoCustomConversions conversions = new MongoCustomConversions(List.of());
		MongoMappingContext mapping = new MongoMappingContext();
		mapping.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
		MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, mapping);
		converter.setCustomConversions(conversions);
		converter.afterPropertiesSet();
		return converter;
	}

	record Sample(@Id String id, String status, @Field("why") String reason, Instant completedAt, String note) {
	}

}
