package org.groundgame.notification.people;

import java.util.List;
import java.util.Objects;

import org.groundgame.events.endorsement.CandidateErased;
import org.groundgame.events.training.TraineeErased;
import org.groundgame.events.volunteer.VolunteerErased;
import org.groundgame.notification.people.domain.Erasure;
import org.groundgame.notification.people.domain.ErasureNotices;
import org.groundgame.notification.people.domain.PersonalData;
import org.groundgame.notification.people.domain.Tombstones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Erases a person everywhere in this service, whatever kind of person they were (a
 * volunteer, a trainee, a candidate): every {@link PersonalData} bean is asked to erase
 * what it holds of each of their personal records. A feature that keeps personal data
 * only has to implement {@link PersonalData} to take part.
 * <p>
 * The tombstones are written first, so that from then on no older event carrying their
 * data is taken in again; then each holder erases (which cancels what was still to be
 * sent); then those outside that were sent their data are told ({@link ErasureNotices}).
 * If one step fails, the whole erasure fails and runs again on the event's next delivery
 * (each step is idempotent), so no holder is skipped.
 */
@Service
class PersonErasure {

	private static final Logger log = LoggerFactory.getLogger(PersonErasure.class);

	private final Tombstones tombstones;

	private final List<PersonalData> holders;

	private final List<ErasureNotices> notices;

	PersonErasure(Tombstones tombstones, List<PersonalData> holders, List<ErasureNotices> notices) {
		this.tombstones = tombstones;
		this.holders = List.copyOf(holders);
		this.notices = List.copyOf(notices);
	}

	void volunteerErased(VolunteerErased event) {
		erase(Erasure.of(event));
	}

	void traineeErased(TraineeErased event) {
		erase(Erasure.of(event));
	}

	void candidateErased(CandidateErased event) {
		erase(Erasure.of(event));
	}

	void erase(Erasure erasure) {
		Objects.requireNonNull(erasure, "erasure");
		for (String subjectId : erasure.subjectIds()) {
			this.tombstones.erased(subjectId, erasure.erasedAt());
		}
		for (String subjectId : erasure.subjectIds()) {
			for (PersonalData holder : this.holders) {
				holder.erase(subjectId);
			}
		}
		for (ErasureNotices notice : this.notices) {
			notice.erased(erasure);
		}
		log.info("{} {} erased ({} personal records) from {} holders of personal data (event {})", erasure.kind(),
				erasure.personId(), erasure.subjectIds().size(), this.holders.size(), erasure.eventId());
	}

}
