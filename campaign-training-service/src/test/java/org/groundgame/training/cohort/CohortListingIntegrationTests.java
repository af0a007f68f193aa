package org.groundgame.training.cohort;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.groundgame.training.CampaignTrainingServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;

@CampaignTrainingServiceIntegrationTest
class CohortListingIntegrationTests {

	@Autowired
	private RestTestClient client;

	@Autowired
	private CohortRepository cohorts;

	@BeforeEach
	void startWithNoCohorts() {
		this.cohorts.deleteAll();
	}

	@Test
	void aFreshStoreAnswersAnEmptyPage() {
		RestTestClientResponse response = list("/api/training/cohorts");

		assertThat(response).hasStatusOk();
		assertThat(response).bodyJson().isEqualTo("""
				{"content":[],"page":{"number":0,"size":20,"totalElements":0,"totalPages":0}}""");
	}

	@Test
	void aStoredCohortIsListedWithItsSeatsLeftAndWaitlist() {
		this.cohorts.insert(CohortDocument.newCohort(new Cohort("spring-2026", "Spring 2026 Candidate Cohort",
				"Candidate", LocalDate.of(2026, 3, 7), 24, CohortFormat.HYBRID, "St. Louis, MO", 24, 3)));

		RestTestClientResponse response = list("/api/training/cohorts");

		assertThat(response).hasStatusOk();
		assertThat(response).bodyJson().isEqualTo("""
				{"content":[{"id":"spring-2026","name":"Spring 2026 Candidate Cohort","track":"Candidate",
				             "startsOn":"2026-03-07","capacity":24,"format":"HYBRID","location":"St. Louis, MO",
				             "seatsLeft":0,"waitlistLength":3}],
				 "page":{"number":0,"size":20,"totalElements":1,"totalPages":1}}""");
	}

	@Test
	void cohortsAreListedByStartDatePageByPage() {
		this.cohorts.insert(List.of(cohort("fall", LocalDate.of(2026, 9, 12), 10),
				cohort("summer", LocalDate.of(2026, 6, 6), 2), cohort("spring", LocalDate.of(2026, 3, 7), 0)));

		RestTestClientResponse first = list("/api/training/cohorts?size=2");
		assertThat(first).bodyJson().extractingPath("$.content[*].id").asArray().containsExactly("spring", "summer");
		assertThat(first).bodyJson().extractingPath("$.content[*].seatsLeft").asArray().containsExactly(24, 22);
		assertThat(first).bodyJson()
			.extractingPath("$.page")
			.isEqualTo(Map.of("number", 0, "size", 2, "totalElements", 3, "totalPages", 2));

		RestTestClientResponse second = list("/api/training/cohorts?size=2&page=1");
		assertThat(second).bodyJson().extractingPath("$.content[*].id").asArray().containsExactly("fall");
	}

	@Test
	void anOutOfRangePageSizeIsAProblemThatNamesIt() {
		RestTestClientResponse response = list("/api/training/cohorts?size=1000");

		assertThat(response).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("size");
	}

	private RestTestClientResponse list(String uri) {
		return RestTestClientResponse.from(this.client.get().uri(uri).exchange());
	}

	private static CohortDocument cohort(String id, LocalDate startsOn, int seatsTaken) {
		return CohortDocument.newCohort(new Cohort(id, "Candidate Cohort", "Candidate", startsOn, 24,
				CohortFormat.ONLINE, "Online", seatsTaken, 0));
	}

}
