package org.groundgame.platform;

import java.net.URI;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import tools.jackson.databind.JsonNode;

/**
 * The demo data of the local platform, added through the gateway's public API where it is
 * missing, so that seeding twice changes nothing: the four chapters of Mobilize Missouri
 * (part of Our Revolution; the Columbia, Kansas City and St. Joseph chapters are the St.
 * Louis chapter's sisters), an OAuth2 client for each, two nominations from them and one
 * endorsement decided, so that an inbox is not empty, and the St. Louis chapter's phone
 * bank for its endorsed candidate, with two shifts to RSVP for; and a cohort of the
 * Campaign Leadership School with more applicants than seats, so that its waitlist shows.
 * Every person, address and candidate here is fictional; e-mail addresses and websites
 * use the reserved {@code .example} domains.
 */
public final class DemoData {

	/** The state of every demo chapter and race. */
	public static final String STATE = "MO";

	static final List<ChapterSeed> CHAPTERS = List.of(
			new ChapterSeed("Mobilize Missouri - St. Louis", "St. Louis", "stlouis@mobilize-missouri.example"),
			new ChapterSeed("Mobilize Missouri - Columbia", "Columbia", "columbia@mobilize-missouri.example"),
			new ChapterSeed("Mobilize Missouri - Kansas City", "Kansas City", "kansascity@mobilize-missouri.example"),
			new ChapterSeed("Mobilize Missouri - St. Joseph", "St. Joseph", "stjoseph@mobilize-missouri.example"));

	/** Nominated by the St. Louis chapter and endorsed. */
	static final NominationSeed ENDORSED = new NominationSeed("St. Louis",
			Map.of("name", "Avery Lindqvist", "email", "avery.lindqvist@example.org", "website",
					"https://avery-for-missouri.example"),
			Map.of("office", "State Representative", "level", "STATE", "state", STATE, "district", "81", "jurisdiction",
					"Missouri House of Representatives"),
			DemoData::nextGeneralElection, Map.of("name", "Jordan Pike", "email", "jordan.pike@example.org"),
			"Fictional demo data: a public-school teacher and tenants' union organizer whom our members "
					+ "have knocked doors for since the last cycle.");

	/** Nominated by the Columbia chapter and awaiting national staff's review. */
	static final NominationSeed PENDING = new NominationSeed("Columbia",
			Map.of("name", "Marisol Tran", "email", "marisol.tran@example.org", "website",
					"https://marisol-for-ward-three.example"),
			Map.of("office", "City Council", "level", "LOCAL", "state", STATE, "district", "Ward 3", "jurisdiction",
					"City of Columbia"),
			DemoData::nextMunicipalElection, Map.of("name", "Riley Okafor", "email", "riley.okafor@example.org"),
			"Fictional demo data: a nurse and neighborhood association president running on housing and transit.");

	/** The demo candidate questionnaire: agree-scale questions and free text. */
	static final List<Map<String, String>> QUESTIONS = List.of(
			Map.of("kind", "AGREE_SCALE", "text", "I support guaranteed health care for all as a human right."),
			Map.of("kind", "AGREE_SCALE", "text", "I will not accept contributions from corporate PACs."),
			Map.of("kind", "AGREE_SCALE", "text",
					"I support raising the minimum wage to a living wage indexed to inflation."),
			Map.of("kind", "FREE_TEXT", "text", "Why are you running, and who is your campaign accountable to?"),
			Map.of("kind", "FREE_TEXT", "text", "How will volunteers from our chapters help you win?"));

	/** The St. Louis chapter's phone bank for its endorsed candidate. */
	static final String PHONE_BANK_TITLE = "Phone bank for " + ENDORSED.candidateName();

	/** The demo cohort of the Campaign Leadership School. */
	static final String COHORT_NAME = "Campaign Leadership School — Candidate track";

	/**
	 * Seats in the demo cohort: fewer than {@link #APPLICANTS}, so that its waitlist
	 * shows.
	 */
	static final int COHORT_CAPACITY = 3;

	/** The demo cohort's questions, answered in every application. */
	static final List<String> REFLECTION_QUESTIONS = List.of("Why do you want to run for office, and why now?",
			"Which campaign or organizing work have you done so far?");

	/**
	 * Who applied to the demo cohort, in this order: the first {@link #COHORT_CAPACITY}
	 * get a seat, the rest wait in line.
	 */
	static final List<ApplicantSeed> APPLICANTS = List.of(
			new ApplicantSeed("Noor Castellanos", "noor.castellanos@example.org", "St. Louis", "State Representative"),
			new ApplicantSeed("Micah Delacroix", "micah.delacroix@example.org", "Kansas City", "City Council"),
			new ApplicantSeed("Wren Abernathy", "wren.abernathy@example.org", "Columbia", "School Board"),
			new ApplicantSeed("Tobias Okonkwo", "tobias.okonkwo@example.org", "St. Joseph", null));

	private static final int PAGE_SIZE = 100;

	/**
	 * How long the seeder waits for the school's projection of chapters to hear of the
	 * chapters it just registered (the event takes well under a second on a healthy
	 * platform).
	 */
	static final Duration CHAPTER_PROJECTION_WAIT = Duration.ofSeconds(60);

	private static final Duration PROJECTION_POLL_INTERVAL = Duration.ofMillis(200);

	private final JsonHttp anonymous;

	private final PlatformCredentials credentials;

	private final Clock clock;

	/**
	 * How long identity-service may take to hear of a chapter registered a moment ago
	 * (volunteer-service's outbox, Kafka, its projection: under a second normally).
	 */
	static final Duration PROJECTION_LAG = Duration.ofSeconds(60);

	private static final Duration PROJECTION_POLL = Duration.ofMillis(250);

	/** Acts as national staff, with the staff client's token. */
	private JsonHttp gateway;

	DemoData(JsonHttp gateway, PlatformCredentials credentials, Clock clock) {
		this.anonymous = gateway;
		this.credentials = credentials;
		this.clock = clock;
	}

	/**
	 * Adds whatever demo data is missing through the gateway: chapters as staff, a client
	 * for each demo chapter, and nominations by the chapters with their own tokens.
	 * @param gateway the gateway's base URI, e.g. {@code http://localhost:8080}
	 * @param credentials the staff client to act as, and where the chapters' clients are
	 * kept
	 * @return the demo chapters and nominations, and what this call created
	 * @throws RuntimeException if the gateway cannot be reached or refuses a request,
	 * with a message saying which
	 */
	public static Seeded seed(URI gateway, PlatformCredentials credentials) {
		return new DemoData(new JsonHttp(gateway, Duration.ofSeconds(15)), credentials, Clock.systemUTC()).seed();
	}

	Seeded seed() {
		PlatformCredentials.Client staff = this.credentials.staff();
		this.gateway = this.anonymous.as(this.anonymous.clientCredentialsToken(staff.clientId(), staff.secret()));
		List<String> created = new ArrayList<>();
		Map<String, String> chapterIds = seedChapters(created);
		Map<String, PlatformCredentials.Client> clients = seedChapterClients(chapterIds, created);
		LocalDate today = LocalDate.now(this.clock);
		seedQuestionBank(nextGeneralElection(today).getYear(), created);
		seedQuestionBank(nextMunicipalElection(today).getYear(), created);
		String endorsed = seedNomination(ENDORSED, chapterIds, clients, created, true);
		String pending = seedNomination(PENDING, chapterIds, clients, created, false);
		seedPhoneBank(chapterIds, clients, created);
		String cohort = seedCohort(chapterIds, created);
		return new Seeded(chapterIds, endorsed, pending, cohort, created, staff, clients);
	}

	/**
	 * A client for each demo chapter, unless the credentials file has one whose secret
	 * still works (secrets are shown only when a client is made).
	 */
	private Map<String, PlatformCredentials.Client> seedChapterClients(Map<String, String> chapterIds,
			List<String> created) {
		Map<String, PlatformCredentials.Client> clients = new LinkedHashMap<>();
		for (ChapterSeed chapter : CHAPTERS) {
			String chapterId = chapterIds.get(chapter.city());
			Optional<PlatformCredentials.Client> known = this.credentials.chapter(chapterId).filter(this::works);
			PlatformCredentials.Client client;
			if (known.isPresent()) {
				client = known.get();
			}
			else {
				JsonNode made = clientFor(chapterId, chapter.name() + " integration");
				client = new PlatformCredentials.Client(made.path("clientId").asString(),
						made.path("clientSecret").asString());
				this.credentials.putChapter(chapterId, client);
				created.add("client of " + chapter.name());
			}
			clients.put(chapter.city(), client);
		}
		return clients;
	}

	/**
	 * Makes a client for a chapter this seeding registered a moment ago. identity-service
	 * makes clients only for chapters it has heard of from volunteer-service's events,
	 * which reach it a moment after the chapter was registered: until then it answers
	 * {@code 400} naming {@code chapterId}. Since the chapter is known to exist (the
	 * gateway answered its registration, or lists it), that answer means "not yet", and
	 * the request is repeated for up to {@link #PROJECTION_LAG}; any other answer, or
	 * that one for longer, fails the seeding as before.
	 */
	private JsonNode clientFor(String chapterId, String name) {
		Map<String, String> body = Map.of("name", name, "role", "CHAPTER", "chapterId", chapterId);
		long deadline = System.nanoTime() + PROJECTION_LAG.toNanos();
		JsonHttp.Response answer = this.gateway.post("/api/clients", body);
		while (answer.status() == 400 && answer.body().contains("\"chapterId\"") && System.nanoTime() < deadline) {
			try {
				Thread.sleep(PROJECTION_POLL);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new JsonHttp.GatewayException("Interrupted while waiting for chapter " + chapterId, ex);
			}
			answer = this.gateway.post("/api/clients", body);
		}
		return answer.json();
	}

	private boolean works(PlatformCredentials.Client client) {
		try {
			this.anonymous.clientCredentialsToken(client.clientId(), client.secret());
			return true;
		}
		catch (JsonHttp.GatewayException ex) {
			return false;
		}
	}

	private Map<String, String> seedChapters(List<String> created) {
		Map<String, String> existing = new LinkedHashMap<>();
		for (JsonNode chapter : all("/api/chapters?state=" + STATE)) {
			existing.putIfAbsent(chapter.path("name").asString(), chapter.path("id").asString());
		}
		Map<String, String> chapterIds = new LinkedHashMap<>();
		for (ChapterSeed chapter : CHAPTERS) {
			String id = existing.get(chapter.name());
			if (id == null) {
				// The first chapter (St. Louis) is every other one's sister; the chapters
				// show the relation both ways.
				List<String> sisters = chapterIds.isEmpty() ? List.of()
						: List.of(chapterIds.values().iterator().next());
				id = this.gateway.post("/api/chapters", chapter.body(sisters)).json().path("id").asString();
				created.add("chapter " + chapter.name());
			}
			chapterIds.put(chapter.city(), id);
		}
		return chapterIds;
	}

	/**
	 * The candidate questionnaire of a cycle, unless staff already wrote one: nominated
	 * candidates are sent it, and answer it on the page their private link opens.
	 */
	private void seedQuestionBank(int cycle, List<String> created) {
		JsonNode bank = this.gateway.get("/api/questionnaires/" + cycle).json();
		if (!bank.path("questions").isEmpty()) {
			return;
		}
		this.gateway.put("/api/questionnaires/" + cycle, Map.of("questions", QUESTIONS)).json();
		created.add("candidate questionnaire for " + cycle);
	}

	private String seedNomination(NominationSeed seed, Map<String, String> chapterIds,
			Map<String, PlatformCredentials.Client> clients, List<String> created, boolean endorse) {
		Optional<JsonNode> existing = find("/api/nominations?state=" + STATE, seed.candidateName());
		JsonNode nomination;
		if (existing.isPresent()) {
			nomination = existing.get();
		}
		else {
			LocalDate today = LocalDate.now(this.clock);
			// Nominated by the chapter itself: attribution comes from its token.
			PlatformCredentials.Client chapter = clients.get(seed.chapterCity());
			JsonHttp asChapter = this.anonymous
				.as(this.anonymous.clientCredentialsToken(chapter.clientId(), chapter.secret()));
			nomination = asChapter.post("/api/nominations", seed.body(chapterIds.get(seed.chapterCity()), today))
				.json();
			created.add("nomination of " + seed.candidateName());
		}
		String id = nomination.path("id").asString();
		String status = nomination.path("status").asString();
		if (endorse && !"ENDORSED".equals(status)) {
			endorse(id, status);
			created.add("endorsement of " + seed.candidateName());
		}
		return id;
	}

	private void endorse(String nominationId, String status) {
		String path = "/api/nominations/" + JsonHttp.encode(nominationId);
		if ("SUBMITTED".equals(status)) {
			JsonHttp.Response review = this.gateway.post(path + "/review", Map.of("reviewer", "Demo national staff"));
			// A service that decides straight from SUBMITTED may refuse the review; the
			// decision below is what matters.
			if (!review.isSuccessful() && review.status() != 409) {
				review.json();
			}
		}
		// What staff found out while reviewing, so that the race's impact page has its
		// research beside the chapters' effort.
		LocalDate today = LocalDate.now(this.clock);
		this.gateway.put(path + "/research",
				Map.of("incumbency", "OPEN_SEAT", "winNumber", 7400, "polling",
						List.of(Map.of("pollster", "Demo Polling Co.", "date", today.minusDays(10).toString(),
								"numbers", "Fictional: 48% to 44%, 8% undecided")),
						"fundraising",
						Map.of("amount", 84250, "asOf", today.minusDays(3).toString(), "source",
								"https://example.org/fictional-demo-filing"),
						"notes", "Demo data: fictional research for a fictional race."))
			.json();
		this.gateway
			.post(path + "/decision", Map.of("decision", "ENDORSE", "reason",
					"Demo data: a fictional endorsement, so that inboxes are not empty."))
			.json();
	}

	/**
	 * The St. Louis chapter's phone bank for its endorsed candidate, unless it has one:
	 * two shifts next Saturday (morning and afternoon, St. Louis time) that volunteers
	 * may RSVP for. (Endorsing also opened a draft volunteer team for the race, which the
	 * chapter may fill with shifts of its own.)
	 */
	private void seedPhoneBank(Map<String, String> chapterIds, Map<String, PlatformCredentials.Client> clients,
			List<String> created) {
		String endorsementId = find("/api/nominations?state=" + STATE, ENDORSED.candidateName())
			.map((nomination) -> nomination.path("endorsementId").asString())
			.filter((id) -> !id.isEmpty())
			.orElse(null);
		if (endorsementId == null) {
			return;
		}
		String title = PHONE_BANK_TITLE;
		boolean exists = all("/api/opportunities?endorsementId=" + JsonHttp.encode(endorsementId)).stream()
			.anyMatch((opportunity) -> title.equals(opportunity.path("title").asString()));
		if (exists) {
			return;
		}
		PlatformCredentials.Client chapter = clients.get(ENDORSED.chapterCity());
		JsonHttp asChapter = this.anonymous
			.as(this.anonymous.clientCredentialsToken(chapter.clientId(), chapter.secret()));
		LocalDate saturday = LocalDate.now(this.clock)
			.plusDays(2)
			.with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.SATURDAY));
		java.time.ZoneId stLouis = java.time.ZoneId.of("America/Chicago");
		List<Map<String, Object>> shifts = List.of(
				Map.of("startsAt", saturday.atTime(10, 0).atZone(stLouis).toInstant().toString(), "endsAt",
						saturday.atTime(13, 0).atZone(stLouis).toInstant().toString(), "capacity", 12),
				Map.of("startsAt", saturday.atTime(14, 0).atZone(stLouis).toInstant().toString(), "endsAt",
						saturday.atTime(17, 0).atZone(stLouis).toInstant().toString(), "capacity", 12));
		Map<String, Object> opportunity = new LinkedHashMap<>();
		opportunity.put("title", title);
		opportunity.put("description", "Fictional demo data: call voters in House District 81 for "
				+ ENDORSED.candidateName() + ". Scripts, training and snacks provided; bring a charged phone.");
		opportunity.put("type", "PHONE_BANK");
		opportunity.put("endorsementId", endorsementId);
		opportunity.put("chapterId", chapterIds.get(ENDORSED.chapterCity()));
		opportunity.put("state", STATE);
		opportunity.put("location", "Demo Union Hall, 100 Example Street, St. Louis");
		opportunity.put("shifts", shifts);
		asChapter.post("/api/opportunities", opportunity).json();
		created.add("phone bank for " + ENDORSED.candidateName());
	}

	/**
	 * The demo cohort of the Campaign Leadership School, unless it is open already: three
	 * Saturday sessions starting about a month from now, applications until a week
	 * before, three seats; and the demo applicants it does not have yet, applying as
	 * anyone would (no token), so that three hold a seat and one waits in line. Once its
	 * deadline has passed, nobody applies any more.
	 * @return the cohort's id
	 */
	private String seedCohort(Map<String, String> chapterIds, List<String> created) {
		LocalDate today = LocalDate.now(this.clock);
		JsonNode cohort = all("/api/training/cohorts").stream()
			.filter((listed) -> COHORT_NAME.equals(listed.path("name").asString()))
			.findFirst()
			.orElse(null);
		if (cohort == null) {
			LocalDate first = today.plusDays(28).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
			Map<String, Object> opened = new LinkedHashMap<>();
			opened.put("name", COHORT_NAME);
			opened.put("track", "CANDIDATE");
			opened.put("sessions",
					List.of(first.toString(), first.plusWeeks(1).toString(), first.plusWeeks(2).toString()));
			opened.put("format", "HYBRID");
			opened.put("location", "Demo Union Hall, 100 Example Street, St. Louis");
			opened.put("capacity", COHORT_CAPACITY);
			opened.put("applicationDeadline", first.minusWeeks(1).toString());
			opened.put("offerHours", 48);
			opened.put("reflectionQuestions", REFLECTION_QUESTIONS);
			cohort = this.gateway.post("/api/training/cohorts", opened).json();
			created.add("cohort " + COHORT_NAME);
		}
		String cohortId = cohort.path("id").asString();
		LocalDate deadline = LocalDate.parse(cohort.path("applicationDeadline").asString());
		if (deadline.isBefore(today)) {
			return cohortId;
		}
		Set<String> applied = new HashSet<>();
		this.gateway.get("/api/training/cohorts/" + JsonHttp.encode(cohortId) + "/enrollments")
			.json()
			.forEach((enrollment) -> applied.add(enrollment.path("email").asString().toLowerCase(Locale.ROOT)));
		for (int i = 0; i < APPLICANTS.size(); i++) {
			ApplicantSeed applicant = APPLICANTS.get(i);
			if (applied.contains(applicant.email())) {
				continue;
			}
			applyOnceTheSchoolKnowsTheChapter("/api/training/cohorts/" + JsonHttp.encode(cohortId) + "/applications",
					applicant.body(chapterIds.get(applicant.chapterCity())));
			// The answer says nothing of the application (its link goes to the
			// applicant's
			// mailbox): staff's roster tells where it stands. Trainees are private
			// people,
			// fictional or not: no names in the output.
			String status = this.gateway.get("/api/training/cohorts/" + JsonHttp.encode(cohortId) + "/enrollments")
				.json()
				.valueStream()
				.filter((enrollment) -> applicant.email().equals(enrollment.path("email").asString()))
				.map((enrollment) -> enrollment.path("status").asString().toLowerCase(Locale.ROOT))
				.findFirst()
				.orElse("not on the roster");
			created.add("application " + (i + 1) + " to the demo cohort (" + status + ")");
		}
		return cohortId;
	}

	/**
	 * Applies as anyone would (no token). The school checks the applicant's chapter
	 * against its own projection of volunteer-service's chapters, which learns of a
	 * chapter registered a moment ago only when the event arrives: while the school
	 * answers a {@code 400} naming {@code chapterId} alone (an application it refused
	 * stores nothing, so trying again is safe), the application is tried again, for up to
	 * {@link #CHAPTER_PROJECTION_WAIT}; any other answer is final.
	 * @throws JsonHttp.GatewayException if the application is refused for any other
	 * reason, or the school has still not heard of the chapter by then
	 */
	private void applyOnceTheSchoolKnowsTheChapter(String path, Map<String, Object> application) {
		long deadline = System.nanoTime() + CHAPTER_PROJECTION_WAIT.toNanos();
		while (true) {
			JsonHttp.Response answer = this.anonymous.post(path, application);
			if (!refusesOnlyTheChapter(answer) || System.nanoTime() - deadline > 0) {
				answer.json();
				return;
			}
			try {
				Thread.sleep(PROJECTION_POLL_INTERVAL);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new JsonHttp.GatewayException("Interrupted while waiting for the school to hear of a chapter",
						ex);
			}
		}
	}

	private static boolean refusesOnlyTheChapter(JsonHttp.Response answer) {
		if (answer.status() != 400) {
			return false;
		}
		JsonNode errors = JsonHttp.read(answer.body()).path("errors");
		return errors.size() == 1 && "chapterId".equals(errors.path(0).path("field").asString());
	}

	private Optional<JsonNode> find(String path, String candidateName) {
		for (JsonNode nomination : all(path)) {
			if (candidateName.equals(nomination.path("candidate").path("name").asString())) {
				return Optional.of(nomination);
			}
		}
		return Optional.empty();
	}

	/** Every element of a paged list, page by page. */
	private List<JsonNode> all(String path) {
		List<JsonNode> elements = new ArrayList<>();
		String separator = path.contains("?") ? "&" : "?";
		for (int page = 0;; page++) {
			JsonNode body = this.gateway.get(path + separator + "page=" + page + "&size=" + PAGE_SIZE).json();
			body.path("content").forEach(elements::add);
			int totalPages = body.path("page").path("totalPages").asInt(0);
			if (page + 1 >= totalPages || body.path("content").isEmpty()) {
				return elements;
			}
		}
	}

	/**
	 * The next US general election: the Tuesday after the first Monday of November, in an
	 * even year.
	 * @param today the day to count from
	 * @return the first such day after today
	 */
	public static LocalDate nextGeneralElection(LocalDate today) {
		for (int year = today.getYear();; year++) {
			LocalDate electionDay = tuesdayAfterFirstMonday(year, Month.NOVEMBER);
			if (year % 2 == 0 && electionDay.isAfter(today)) {
				return electionDay;
			}
		}
	}

	/**
	 * The next general municipal election in Missouri: the Tuesday after the first Monday
	 * of April.
	 * @param today the day to count from
	 * @return the first such day after today
	 */
	static LocalDate nextMunicipalElection(LocalDate today) {
		LocalDate thisYear = tuesdayAfterFirstMonday(today.getYear(), Month.APRIL);
		return thisYear.isAfter(today) ? thisYear : tuesdayAfterFirstMonday(today.getYear() + 1, Month.APRIL);
	}

	private static LocalDate tuesdayAfterFirstMonday(int year, Month month) {
		return LocalDate.of(year, month, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)).plusDays(1);
	}

	/**
	 * The demo data as it is now.
	 *
	 * @param chapterIds the id of each demo chapter by city, in seeding order
	 * @param endorsedNominationId the nomination that was endorsed
	 * @param pendingNominationId the nomination awaiting review
	 * @param cohortId the demo cohort of the Campaign Leadership School
	 * @param created what this seeding added, empty if everything was there already
	 * @param staffClient the staff client
	 * @param chapterClients the client of each demo chapter by city
	 */
	public record Seeded(Map<String, String> chapterIds, String endorsedNominationId, String pendingNominationId,
			String cohortId, List<String> created, PlatformCredentials.Client staffClient,
			Map<String, PlatformCredentials.Client> chapterClients) {

		public Seeded {
			chapterIds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(chapterIds));
			chapterClients = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(chapterClients));
			created = List.copyOf(created);
		}

	}

	record ChapterSeed(String name, String city, String contactEmail) {

		/** The organization every demo chapter belongs to. */
		static final String PARENT_ORGANIZATION = "Our Revolution";

		Map<String, Object> body(List<String> sisterChapterIds) {
			return Map.of("name", this.name, "state", STATE, "city", this.city, "contactEmail", this.contactEmail,
					"parentOrganization", PARENT_ORGANIZATION, "sisterChapterIds", sisterChapterIds);
		}

	}

	/**
	 * Someone applying to the demo cohort.
	 *
	 * @param office the office they plan to run for, or {@code null} if they do not (yet)
	 */
	record ApplicantSeed(String name, String email, String chapterCity, String office) {

		Map<String, Object> body(String chapterId) {
			Map<String, Object> application = new LinkedHashMap<>();
			application.put("name", this.name);
			application.put("email", this.email);
			application.put("state", STATE);
			application.put("chapterId", chapterId);
			application.put("plansToRun", this.office != null);
			if (this.office != null) {
				application.put("office", this.office);
			}
			application.put("answers", List.of("Fictional demo data: to bring our chapter's issues to office.",
					"Fictional demo data: canvassed and phone banked for our endorsed candidates."));
			return application;
		}

	}

	record NominationSeed(String chapterCity, Map<String, Object> candidate, Map<String, Object> race,
			UnaryOperator<LocalDate> electionDate, Map<String, Object> nominator, String statement) {

		String candidateName() {
			return (String) this.candidate.get("name");
		}

		Map<String, Object> body(String chapterId, LocalDate today) {
			Map<String, Object> nominatedBy = new LinkedHashMap<>(this.nominator);
			nominatedBy.put("chapterId", chapterId);
			Map<String, Object> race = new LinkedHashMap<>(this.race);
			race.put("electionDate", this.electionDate.apply(today).toString());
			return Map.of("candidate", this.candidate, "race", race, "nominatedBy", nominatedBy, "statement",
					this.statement);
		}

	}

}
