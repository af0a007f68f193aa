package org.groundgame.notification.people;

import java.util.Optional;

import org.groundgame.events.volunteer.VolunteerSignedUp;
import org.groundgame.events.volunteer.VolunteerUpdated;
import org.groundgame.notification.people.domain.People;
import org.groundgame.notification.people.domain.Person;
import org.groundgame.notification.people.domain.PersonalData;
import org.groundgame.notification.people.domain.SignUp;
import org.groundgame.notification.people.domain.Tombstones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * People's contact and consent, built from volunteer-service's events: one document per
 * person in {@code people}, replaced whole by a newer sign-up or update of their details
 * ({@code VolunteerSignedUp}, {@code VolunteerUpdated}; {@link SignUp#replaces}), deleted
 * when the person is erased. Reading, deciding and writing one person's document is safe
 * without a lock because one person's events are keyed by their id, so they arrive on one
 * partition and are applied one after the other.
 */
@Service
class PeopleProjection implements People, PersonalData {

	private static final Logger log = LoggerFactory.getLogger(PeopleProjection.class);

	private final PersonStore store;

	private final Tombstones tombstones;

	PeopleProjection(PersonStore store, Tombstones tombstones) {
		this.store = store;
		this.tombstones = tombstones;
	}

	void volunteerSignedUp(VolunteerSignedUp event) {
		apply(SignUp.of(event), event.eventId());
	}

	/** Signing up again, or moving chapter: the details replace the known ones alike. */
	void volunteerUpdated(VolunteerUpdated event) {
		apply(SignUp.of(event), event.eventId());
	}

	private void apply(SignUp signUp, String eventId) {
		String personId = signUp.person().personId();
		Optional<SignUp> latest = this.store.find(personId).map(PersonDocument::toSignUp);
		if (!signUp.replaces(latest, this.tombstones.erasedAt(personId))) {
			log.info("Sign-up or update of {} (event {}) is older than what is known of them: ignored", personId,
					eventId);
			return;
		}
		this.store.put(PersonDocument.of(signUp));
		log.info("Contact and consent of {} updated (event {})", personId, eventId);
	}

	@Override
	public Optional<Person> byId(String personId) {
		if (personId == null) {
			return Optional.empty();
		}
		return this.store.find(personId).map((document) -> document.toSignUp().person());
	}

	@Override
	public void erase(String personId) {
		this.store.remove(personId);
	}

}
