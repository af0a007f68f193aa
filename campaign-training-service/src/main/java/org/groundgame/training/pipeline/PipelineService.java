package org.groundgame.training.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.groundgame.events.endorsement.CandidateErased;
import org.groundgame.events.endorsement.ElectionOutcomeRecorded;
import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.events.endorsement.EndorsementRescinded;
import org.groundgame.events.endorsement.NominationReviewStarted;
import org.groundgame.events.endorsement.NominationSubmitted;
import org.groundgame.events.training.CohortSummary;
import org.groundgame.events.training.GraduateRanForOffice;
import org.groundgame.events.training.TraineeErased;
import org.groundgame.events.training.TraineeGraduated;
import org.groundgame.security.Caller;
import org.groundgame.training.cohort.Graduates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * The candidate pipeline: links the school's graduates to the candidacies nominated since
 * their training (both ways: a graduation looks for earlier nominations, a nomination for
 * graduates), keeps what became of those candidacies, and reports the counts. Each new
 * link is announced once ({@code GraduateRanForOffice}), in the same write as the link.
 * Logs ids only: names and match keys are personal data.
 */
@Service
class PipelineService {

	private static final Logger log = LoggerFactory.getLogger(PipelineService.class);

	private final PipelineStore store;

	private final Graduates graduates;

	private final Clock clock;

	private final MeterRegistry meters;

	PipelineService(PipelineStore store, Graduates graduates, Clock clock, MeterRegistry meters) {
		this.store = store;
		this.graduates = graduates;
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * A trainee completed their cohort: into the pipeline, linked to their candidacies.
	 */
	void traineeGraduated(TraineeGraduated graduated) {
		Graduates.Graduate completed = this.graduates.graduate(graduated.enrollmentId()).orElse(null);
		if (completed == null) {
			log.warn("Enrollment {} is not a graduate (anymore); not in the pipeline", graduated.enrollmentId());
			return;
		}
		CohortSummary cohort = graduated.cohort();
		if (this.store.insert(new GraduateDocument(completed.enrollmentId(), completed.cohortId(),
				completed.cohortName(), completed.track(), completed.startsOn(),
				(cohort != null) ? cohort.format() : null, (cohort != null) ? cohort.location() : null,
				completed.chapterId(), completed.emailKey(), NameKeys.of(completed.name()),
				PipelineStore.state(completed.state()), List.of(), null, List.of(), null))) {
			this.meters.counter("groundgame.training.pipeline.graduates").increment();
			log.info("Graduate {} of cohort {} is in the pipeline", completed.enrollmentId(), completed.cohortId());
		}
		// Also after a redelivery: the links may not all have been written the first
		// time.
		Graduate graduate = this.store.graduate(completed.enrollmentId()).orElseThrow().toGraduate();
		this.store.candidaciesThatMayBe(graduate)
			.stream()
			.filter((candidacy) -> candidacy.toCandidacy().linkable())
			.filter((candidacy) -> graduate.matches(candidacy.toCandidacy()))
			.forEach((candidacy) -> link(graduate.enrollmentId(), candidacy));
	}

	/** A trainee's personal data was erased: so are their match keys (counts stay). */
	void traineeErased(TraineeErased erased) {
		this.store.erase(erased.enrollmentId(), Instant.now(this.clock));
		log.info("Match keys of enrollment {} erased from the pipeline", erased.enrollmentId());
	}

	/**
	 * A candidate's personal data was erased in endorsement-service: so are the match
	 * keys of every candidacy of theirs, for good (a nomination's event arriving later,
	 * or again, brings them back no more). Links already made and counts stay; the
	 * candidacies match no graduate from now on.
	 */
	void candidateErased(CandidateErased erased) {
		this.store.eraseCandidacies(erased.nominationIds(), Instant.now(this.clock));
		log.info("Match keys of candidate {} erased from the pipeline ({} nominations)", erased.candidateId(),
				erased.nominationIds().size());
	}

	/**
	 * Someone was nominated: a candidacy, linked to the graduates it is theirs once it is
	 * vouched for — at once when a chapter nominated (attribution needs its token, or
	 * staff's), else when staff take it up or endorse it: a nomination anyone may make
	 * without a token is no sign that a graduate runs.
	 */
	void nominationSubmitted(NominationSubmitted submitted) {
		this.store.recordNomination(submitted.nominationId(), submitted.candidateId(),
				NameKeys.of(submitted.candidateName()), submitted.candidateEmailKey(),
				CandidacyDocument.RaceEntry.of(submitted.race()), submitted.occurredAt(),
				submitted.chapterId() != null && !submitted.chapterId().isBlank());
		linkToGraduates(submitted.nominationId());
	}

	/** Staff took a nomination up: it is vouched for. */
	void reviewStarted(NominationReviewStarted started) {
		this.store.recordVouched(started.nominationId());
		linkToGraduates(started.nominationId());
	}

	void endorsementGranted(EndorsementGranted granted) {
		if (granted.nominationId() == null) {
			log.warn("Endorsement {} names no nomination; not in the pipeline", granted.endorsementId());
			return;
		}
		this.store.recordEndorsed(granted.nominationId(), granted.endorsementId());
		linkToGraduates(granted.nominationId());
	}

	/**
	 * Links a candidacy to the graduates it is theirs, once it is known and vouched for;
	 * a link already made is not made again.
	 */
	private void linkToGraduates(String nominationId) {
		CandidacyDocument candidacy = this.store.candidacy(nominationId).orElseThrow();
		Candidacy nominated = candidacy.toCandidacy();
		if (!nominated.linkable()) {
			return;
		}
		this.store.graduatesThatMayBe(nominated)
			.stream()
			.map(GraduateDocument::toGraduate)
			.filter((graduate) -> graduate.matches(nominated))
			.forEach((graduate) -> link(graduate.enrollmentId(), candidacy));
	}

	void endorsementRescinded(EndorsementRescinded rescinded) {
		if (rescinded.nominationId() == null) {
			log.warn("Endorsement {} names no nomination; not in the pipeline", rescinded.endorsementId());
			return;
		}
		this.store.recordRescinded(rescinded.nominationId(), rescinded.endorsementId());
	}

	void outcomeRecorded(ElectionOutcomeRecorded recorded) {
		if (recorded.nominationId() == null || recorded.result() == null) {
			log.warn("Outcome of endorsement {} names no nomination or result; not in the pipeline",
					recorded.endorsementId());
			return;
		}
		this.store.recordOutcome(recorded.nominationId(), recorded.endorsementId(), recorded.result(),
				recorded.occurredAt());
	}

	/** The pipeline's counts, for staff. */
	PipelineReport report(Caller caller) {
		caller.requireSchoolStaff();
		List<Graduate> all = this.store.graduates().stream().map(GraduateDocument::toGraduate).toList();
		Set<String> nominations = new HashSet<>();
		all.forEach((graduate) -> nominations.addAll(graduate.nominations()));
		return PipelineReport.of(all, candidacies(nominations));
	}

	private Map<String, Candidacy> candidacies(Collection<String> nominationIds) {
		return this.store.candidacies(nominationIds)
			.stream()
			.map(CandidacyDocument::toCandidacy)
			.collect(Collectors.toMap(Candidacy::nominationId, Function.identity()));
	}

	private void link(String enrollmentId, CandidacyDocument candidacy) {
		GraduateDocument graduate = this.store.graduate(enrollmentId).orElseThrow();
		CohortSummary cohort = graduate.cohortSummary();
		GraduateRanForOffice ran = new GraduateRanForOffice(UUID.randomUUID().toString(), Instant.now(this.clock),
				cohort.cohortId(), enrollmentId, graduate.getChapterId(), candidacy.id(),
				(candidacy.race() != null) ? candidacy.race().toSummary() : null, cohort);
		if (this.store.link(enrollmentId, candidacy.id(), ran)) {
			this.meters.counter("groundgame.training.pipeline.links").increment();
			log.info("Graduate {} linked to nomination {}", enrollmentId, candidacy.id());
		}
	}

}
