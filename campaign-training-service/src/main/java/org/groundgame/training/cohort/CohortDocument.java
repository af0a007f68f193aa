package org.groundgame.training.cohort;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A cohort as stored. The version guards its seats against concurrent changes once
 * applications arrive; the embedded outbox ({@code HasOutbox}) joins it when the cohort
 * starts announcing enrollments.
 */
@Document(CohortDocument.COLLECTION)
@CompoundIndex(name = "starts_on_name", def = "{'startsOn': 1, 'name': 1}")
class CohortDocument {

	static final String COLLECTION = "cohorts";

	@Id
	private final String id;

	private final String name;

	private final String track;

	private final LocalDate startsOn;

	private final int capacity;

	private final CohortFormat format;

	private final String location;

	private final int seatsTaken;

	private final int waitlistLength;

	@Version
	private Long version;

	@PersistenceCreator
	CohortDocument(String id, String name, String track, LocalDate startsOn, int capacity, CohortFormat format,
			String location, int seatsTaken, int waitlistLength, Long version) {
		this.id = id;
		this.name = name;
		this.track = track;
		this.startsOn = startsOn;
		this.capacity = capacity;
		this.format = format;
		this.location = location;
		this.seatsTaken = seatsTaken;
		this.waitlistLength = waitlistLength;
		this.version = version;
	}

	static CohortDocument newCohort(Cohort cohort) {
		return new CohortDocument(cohort.id(), cohort.name(), cohort.track(), cohort.startsOn(), cohort.capacity(),
				cohort.format(), cohort.location(), cohort.seatsTaken(), cohort.waitlistLength(), null);
	}

	Cohort toCohort() {
		return new Cohort(this.id, this.name, this.track, this.startsOn, this.capacity, this.format, this.location,
				this.seatsTaken, this.waitlistLength);
	}

	String getId() {
		return this.id;
	}

	Long getVersion() {
		return this.version;
	}

}
