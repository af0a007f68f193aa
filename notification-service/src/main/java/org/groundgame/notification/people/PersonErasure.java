package org.groundgame.notification.people;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.groundgame.events.volunteer.VolunteerErased;
import org.groundgame.notification.people.domain.PersonalData;
import org.groundgame.notification.people.domain.Tombstones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Erases a person everywhere in this service: every {@link PersonalData} bean is asked to
 * erase what it holds of them. A feature that keeps personal data only has to implement
 * {@link PersonalData} to take part.
 * <p>
 * The tombstone is written first, so that from then on no older sign-up of theirs is
 * taken in again; then each holder erases. If one fails, the whole erasure fails and runs
 * again on the event's next delivery (each step is idempotent), so no holder is skipped.
 */
@Service
class PersonErasure {

	private static final Logger log = LoggerFactory.getLogger(PersonErasure.class);

	private final Tombstones tombstones;

	private final List<PersonalData> holders;

	PersonErasure(Tombstones tombstones, List<PersonalData> holders) {
		this.tombstones = tombstones;
		this.holders = List.copyOf(holders);
	}

	void volunteerErased(VolunteerErased event) {
		erase(event.volunteerId(), event.occurredAt());
	}

	void erase(String personId, Instant erasedAt) {
		Objects.requireNonNull(personId, "personId");
		Objects.requireNonNull(erasedAt, "erasedAt");
		this.tombstones.erased(personId, erasedAt);
		for (PersonalData holder : this.holders) {
			holder.erase(personId);
		}
		log.info("Person {} erased from {} holders of personal data", personId, this.holders.size());
	}

}
