package org.groundgame.endorsement.race;

import java.time.Instant;
import java.time.LocalDate;

import org.groundgame.endorsement.race.domain.Race;
import org.groundgame.endorsement.race.domain.RaceLevel;
import org.groundgame.endorsement.race.domain.RaceStage;
import org.groundgame.support.geography.UsState;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A race as stored, once per race: the unique natural key makes every nomination for the
 * same election share it, however many are submitted at the same moment. A race never
 * changes once stored.
 */
@Document(RaceDocument.COLLECTION)
public class RaceDocument {

	static final String COLLECTION = "races";

	@Id
	private String id;

	private String naturalKey;

	private String office;

	private RaceLevel level;

	private String state;

	private String district;

	private String jurisdiction;

	/** ISO text, a calendar day (see NominationDocument.RaceEntry). */
	private String electionDate;

	private int cycle;

	private String ocdDivisionId;

	private RaceStage stage;

	private boolean ballotMeasure;

	private Instant createdAt;

	RaceDocument() {
	}

	public static RaceDocument of(String id, Race race, Instant createdAt) {
		RaceDocument document = new RaceDocument();
		document.id = id;
		document.naturalKey = race.naturalKey();
		document.office = race.office();
		document.level = race.level();
		document.state = race.state().code();
		document.district = race.district();
		document.jurisdiction = race.jurisdiction();
		document.electionDate = race.electionDate().toString();
		document.cycle = race.cycle();
		document.ocdDivisionId = race.ocdDivisionId();
		document.stage = race.stage();
		document.ballotMeasure = race.ballotMeasure();
		document.createdAt = createdAt;
		return document;
	}

	public Race toRace() {
		return new Race(this.office, this.level, UsState.valueOf(this.state), this.district, this.jurisdiction,
				LocalDate.parse(this.electionDate), this.ocdDivisionId, this.stage, this.ballotMeasure, this.id);
	}

	String getId() {
		return this.id;
	}

	String getNaturalKey() {
		return this.naturalKey;
	}

}
