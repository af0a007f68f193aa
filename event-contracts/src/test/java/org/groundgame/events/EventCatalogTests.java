package org.groundgame.events;

import org.groundgame.events.endorsement.EndorsementGranted;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventCatalogTests {

	@Test
	void findsAnEventClassByItsCloudEventsType() {
		assertThat(EventCatalog.classOf("org.groundgame.endorsement.EndorsementGranted.v1"))
			.contains(EndorsementGranted.class);
	}

	@Test
	void anUnknownTypeIsNotAnError() {
		assertThat(EventCatalog.classOf("org.groundgame.endorsement.SomethingNew.v9")).isEmpty();
	}

	@Test
	void everyTypeIsVersionedAndNamedAfterItsProducer() {
		for (Class<? extends DomainEvent> event : EventCatalog.events()) {
			String type = EventCatalog.typeOf(event);
			assertThat(type).matches("org\\.groundgame\\.[a-z]+\\." + event.getSimpleName() + "\\.v\\d+");
			String producer = type.split("\\.")[2];
			assertThat(EventCatalog.topicOf(event)).isEqualTo("groundgame." + producer + ".events");
		}
	}

}
