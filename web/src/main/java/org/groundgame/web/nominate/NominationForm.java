package org.groundgame.web.nominate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A nomination of a candidate, or of a slate of candidates, as posted. Each candidate row
 * is {@code candidates[i].…}; a single nomination has one row, a slate up to
 * {@link #SLATE_ROWS}; blank rows of a slate are left out.
 *
 * @param slateName the slate's name (a slate only)
 * @param candidates the candidates and their races
 * @param nominatorName who nominates
 * @param nominatorEmail their e-mail address
 * @param chapterId the chapter they nominate for, if any
 * @param statement why
 */
public record NominationForm(String slateName, List<Row> candidates, String nominatorName, String nominatorEmail,
		String chapterId, String statement) {

	static final int SLATE_ROWS = 4;

	public NominationForm {
		candidates = (candidates != null) ? new ArrayList<>(candidates) : new ArrayList<>();
	}

	static NominationForm empty(int rows, String chapterId) {
		List<Row> blank = new ArrayList<>();
		for (int i = 0; i < rows; i++) {
			blank.add(new Row(null, null, null, null, "STATE", null, null, null, null));
		}
		return new NominationForm(null, blank, null, null, chapterId, null);
	}

	/** The form with as many rows as the page shows. */
	NominationForm padded(int rows) {
		List<Row> all = new ArrayList<>(this.candidates);
		while (all.size() < rows) {
			all.add(new Row(null, null, null, null, "STATE", null, null, null, null));
		}
		return new NominationForm(this.slateName, all, this.nominatorName, this.nominatorEmail, this.chapterId,
				this.statement);
	}

	List<Row> filledRows() {
		return this.candidates.stream().filter(Row::filled).toList();
	}

	Map<String, Object> nominator() {
		Map<String, Object> nominator = new LinkedHashMap<>();
		nominator.put("name", this.nominatorName);
		nominator.put("email", this.nominatorEmail);
		if (this.chapterId != null && !this.chapterId.isBlank()) {
			nominator.put("chapterId", this.chapterId);
		}
		return nominator;
	}

	/** The body of {@code POST /api/nominations}. */
	Map<String, Object> toNomination() {
		Row row = this.candidates.isEmpty() ? new Row(null, null, null, null, null, null, null, null, null)
				: this.candidates.get(0);
		Map<String, Object> body = row.toNomination();
		body.put("nominatedBy", nominator());
		if (this.statement != null && !this.statement.isBlank()) {
			body.put("statement", this.statement.strip());
		}
		return body;
	}

	/** The body of {@code POST /api/slates}. */
	Map<String, Object> toSlate() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", this.slateName);
		body.put("nominatedBy", nominator());
		body.put("nominations", filledRows().stream().map(Row::toNomination).toList());
		if (this.statement != null && !this.statement.isBlank()) {
			body.put("statement", this.statement.strip());
		}
		return body;
	}

	/**
	 * One candidate and their race.
	 *
	 * @param name the candidate's name
	 * @param email the candidate's e-mail address, where the questionnaire goes
	 * @param website their campaign's website
	 * @param office the office
	 * @param level {@code FEDERAL}, {@code STATE} or {@code LOCAL}
	 * @param state the state
	 * @param district the district
	 * @param jurisdiction the jurisdiction (a city, a county, a legislature)
	 * @param electionDate the election's date
	 */
	public record Row(String name, String email, String website, String office, String level, String state,
			String district, String jurisdiction, String electionDate) {

		boolean filled() {
			return present(this.name) || present(this.email) || present(this.office);
		}

		Map<String, Object> toNomination() {
			Map<String, Object> candidate = new LinkedHashMap<>();
			candidate.put("name", this.name);
			candidate.put("email", this.email);
			put(candidate, "website", this.website);
			Map<String, Object> race = new LinkedHashMap<>();
			race.put("office", this.office);
			race.put("level", this.level);
			race.put("state", this.state);
			put(race, "district", this.district);
			put(race, "jurisdiction", this.jurisdiction);
			race.put("electionDate", present(this.electionDate) ? this.electionDate : null);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("candidate", candidate);
			body.put("race", race);
			return body;
		}

		private static void put(Map<String, Object> map, String name, String value) {
			if (present(value)) {
				map.put(name, value.strip());
			}
		}

		private static boolean present(String value) {
			return value != null && !value.isBlank();
		}

	}

}
