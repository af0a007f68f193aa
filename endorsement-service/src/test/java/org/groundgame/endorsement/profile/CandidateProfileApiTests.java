package org.groundgame.endorsement.profile;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;

import org.bson.Document;
import org.groundgame.endorsement.EndorsementServiceIntegrationTest;
import org.groundgame.endorsement.EndorsementTopic;
import org.groundgame.endorsement.NominationApi;
import org.groundgame.endorsement.RegisteredChapterFixture;
import org.groundgame.support.personaldata.PersonalDataProtection;
import org.groundgame.test.security.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Candidates' profiles over the real store and broker: the candidate writes the draft
 * with their questionnaire link's token, staff edit and approve it, the public sees what
 * was approved and nothing else; and every way a stranger might read or change one.
 */
@EndorsementServiceIntegrationTest
class CandidateProfileApiTests {

	private static final String TOKEN = "X-Questionnaire-Token";

	private static final String OWN = "/api/questionnaire/profile";

	private static final String PROFILE = "/api/candidates/{id}/profile";

	@Autowired
	RestTestClient client;

	@Autowired
	PersonalDataProtection protection;

	@Autowired
	MongoTemplate mongo;

	/** A nominated candidate, the link's token, and their endorsement if granted. */
	record Nominated(String nominationId, String candidateId, String token, String endorsementId, String raceId) {
	}

	NominationApi staff() {
		return new NominationApi(this.client);
	}

	Nominated nominated(boolean endorse) {
		return nominated(NominationApi.nominationIn("MO"), endorse);
	}

	Nominated nominated(Map<String, Object> nomination, boolean endorse) {
		JsonNode submitted = staff().submit(nomination);
		String id = submitted.get("id").asString();
		String url = EndorsementTopic.awaitEvent(this.protection, id, "QuestionnaireIssued")
			.get("questionnaireUrl")
			.asString();
		String token = url.substring(url.indexOf("#token=") + "#token=".length());
		String endorsementId = endorse ? staff().decide(id, "ENDORSE", HttpStatus.OK).get("endorsementId").asString()
				: null;
		return new Nominated(id, submitted.get("candidateId").asString(), token, endorsementId,
				submitted.get("race").get("id").asString());
	}

	static Map<String, Object> profile(String biography) {
		Map<String, Object> links = new LinkedHashMap<>();
		links.put("website", "https://jordan.example.org");
		links.put("donate", "https://secure.actblue.com/donate/jordan");
		links.put("volunteer", "https://jordan.example.org/volunteer");
		links.put("social", List.of(Map.of("kind", "INSTAGRAM", "url", "https://instagram.com/jordan"),
				Map.of("kind", "BLUESKY", "url", "https://bsky.app/profile/jordan")));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("biography", biography);
		body.put("party", "Democratic");
		body.put("links", links);
		return body;
	}

	/** A call with the link's token ({@code null}: none), answering status and body. */
	Answer own(HttpMethod method, String path, String token, MediaType type, Object body) {
		RestTestClient.RequestBodySpec request = this.client.method(method).uri(path);
		if (token != null) {
			request.header(TOKEN, token);
		}
		return send(request, type, body);
	}

	/** A call with a bearer token ({@code null}: none). */
	Answer as(String bearer, HttpMethod method, String path, MediaType type, Object body) {
		RestTestClient.RequestBodySpec request = this.client.method(method).uri(path);
		if (bearer != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
		}
		return send(request, type, body);
	}

	Answer asStaff(HttpMethod method, String path, MediaType type, Object body) {
		return as(TestTokens.staff(), method, path, type, body);
	}

	private static Answer send(RestTestClient.RequestBodySpec request, MediaType type, Object body) {
		if (body != null) {
			request.contentType(type);
			request.body((body instanceof byte[]) ? body : NominationApi.write(body));
		}
		EntityExchangeResult<byte[]> result = request.exchange().expectBody(byte[].class).returnResult();
		return new Answer(HttpStatus.valueOf(result.getStatus().value()), result.getResponseHeaders(),
				(result.getResponseBody() != null) ? result.getResponseBody() : new byte[0]);
	}

	record Answer(HttpStatus status, HttpHeaders headers, byte[] body) {

		JsonNode json() {
			return NominationApi.read(new String(this.body, java.nio.charset.StandardCharsets.UTF_8));
		}

		Answer expect(HttpStatus expected) {
			assertThat(this.status).as(new String(this.body, java.nio.charset.StandardCharsets.UTF_8))
				.isEqualTo(expected);
			return this;
		}

		List<String> fields() {
			return json().get("errors").valueStream().map((error) -> error.get("field").asString()).toList();
		}

	}

	JsonNode publicEndorsement(String endorsementId) {
		return staff().anonymous().get("/api/endorsements/{id}", HttpStatus.OK, endorsementId);
	}

	static byte[] photo(int width, int height, String format) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.ORANGE);
		graphics.fillRect(0, 0, width, height);
		graphics.setColor(Color.DARK_GRAY);
		graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
		graphics.dispose();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ImageIO.write(image, format, bytes);
		return bytes.toByteArray();
	}

	@Test
	void theCandidateWritesTheDraftAndOnlyWhatStaffApprovedIsPublic() {
		Nominated jordan = nominated(true);
		String profilePath = PROFILE.replace("{id}", jordan.candidateId());
		assertThat(publicEndorsement(jordan.endorsementId()).get("profile").isNull()).isTrue();

		JsonNode written = own(HttpMethod.PUT, OWN, jordan.token(), MediaType.APPLICATION_JSON,
				profile("Tenant organizer for ten years."))
			.expect(HttpStatus.OK)
			.json();

		assertThat(written.get("candidateId").asString()).isEqualTo(jordan.candidateId());
		assertThat(written.get("candidateName").asString()).startsWith("Candidate ");
		assertThat(written.get("status").asString()).isEqualTo("AWAITING_APPROVAL");
		assertThat(written.get("draft").get("revision").asLong()).isEqualTo(1);
		assertThat(written.get("draft").get("changedBy").asString()).isEqualTo("CANDIDATE");
		assertThat(written.get("draft").get("links").get("social").get(1).get("kind").asString()).isEqualTo("BLUESKY");
		assertThat(written.get("approved").isNull()).isTrue();
		assertThat(publicEndorsement(jordan.endorsementId()).get("profile").isNull())
			.as("nothing is public before staff approve")
			.isTrue();
		JsonNode read = asStaff(HttpMethod.GET, profilePath, null, null).expect(HttpStatus.OK).json();
		assertThat(read.get("draft").get("biography").asString()).isEqualTo("Tenant organizer for ten years.");

		JsonNode approved = asStaff(HttpMethod.POST, profilePath + "/approval", MediaType.APPLICATION_JSON,
				Map.of("revision", 1))
			.expect(HttpStatus.OK)
			.json();

		assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
		assertThat(approved.get("approved").get("revision").asLong()).isEqualTo(1);
		JsonNode shown = publicEndorsement(jordan.endorsementId()).get("profile");
		assertThat(shown.get("biography").asString()).isEqualTo("Tenant organizer for ten years.");
		assertThat(shown.get("party").asString()).isEqualTo("Democratic");
		assertThat(shown.get("links").get("donate").asString()).isEqualTo("https://secure.actblue.com/donate/jordan");
		assertThat(shown.has("revision")).isFalse();
		assertThat(shown.has("draft")).isFalse();
		JsonNode listed = staff().anonymous()
			.get("/api/endorsements?candidateId={id}", HttpStatus.OK, jordan.candidateId())
			.get("content");
		assertThat(listed).singleElement()
			.satisfies((endorsement) -> assertThat(endorsement.get("profile").get("party").asString())
				.isEqualTo("Democratic"));
		assertThat(staff().anonymous().get("/api/races/{id}", HttpStatus.OK, jordan.raceId()).get("candidates"))
			.filteredOn((candidate) -> candidate.get("candidateId").asString().equals(jordan.candidateId()))
			.singleElement()
			.satisfies((candidate) -> assertThat(candidate.get("party").asString()).isEqualTo("Democratic"));

		// A change afterwards waits for staff; the approved version stays public.
		JsonNode changed = own(HttpMethod.PUT, OWN, jordan.token(), MediaType.APPLICATION_JSON,
				profile("Now running for the state house."))
			.expect(HttpStatus.OK)
			.json();
		assertThat(changed.get("status").asString()).isEqualTo("AWAITING_APPROVAL");
		assertThat(changed.get("approved").get("biography").asString()).isEqualTo("Tenant organizer for ten years.");
		assertThat(publicEndorsement(jordan.endorsementId()).get("profile").get("biography").asString())
			.isEqualTo("Tenant organizer for ten years.");
		Map<String, Object> staffEdit = profile("Now running for the state house.");
		staffEdit.put("party", "Working Families");
		JsonNode edited = asStaff(HttpMethod.PUT, profilePath, MediaType.APPLICATION_JSON, staffEdit)
			.expect(HttpStatus.OK)
			.json();
		assertThat(edited.get("draft").get("revision").asLong()).isEqualTo(3);
		assertThat(edited.get("draft").get("changedBy").asString()).isEqualTo("STAFF");
		// Approving the revision staff read before the last change is refused.
		JsonNode stale = asStaff(HttpMethod.POST, profilePath + "/approval", MediaType.APPLICATION_JSON,
				Map.of("revision", 2))
			.expect(HttpStatus.CONFLICT)
			.json();
		assertThat(stale.get("currentState").asString()).isEqualTo("PROFILE_CHANGED");
		asStaff(HttpMethod.POST, profilePath + "/approval", MediaType.APPLICATION_JSON, Map.of("revision", 3))
			.expect(HttpStatus.OK);
		assertThat(publicEndorsement(jordan.endorsementId()).get("profile").get("party").asString())
			.isEqualTo("Working Families");

		// Staff may take it down again.
		asStaff(HttpMethod.DELETE, profilePath + "/approval", null, null).expect(HttpStatus.OK);
		assertThat(publicEndorsement(jordan.endorsementId()).get("profile").isNull()).isTrue();
		assertThat(own(HttpMethod.GET, OWN, jordan.token(), null, null).expect(HttpStatus.OK)
			.json()
			.get("draft")
			.get("party")
			.asString()).isEqualTo("Working Families");
	}

	@Test
	void staffListTheProfilesWaitingForApprovalTheLatestChangeFirst() {
		Nominated approved = nominated(false);
		Nominated waiting = nominated(false);
		Nominated changedSince = nominated(false);
		for (Nominated candidate : List.of(approved, waiting, changedSince)) {
			asStaff(HttpMethod.PUT, PROFILE.replace("{id}", candidate.candidateId()), MediaType.APPLICATION_JSON,
					profile("Tenant organizer for ten years."))
				.expect(HttpStatus.OK);
		}
		for (Nominated candidate : List.of(approved, changedSince)) {
			asStaff(HttpMethod.POST, PROFILE.replace("{id}", candidate.candidateId()) + "/approval",
					MediaType.APPLICATION_JSON, Map.of("revision", 1))
				.expect(HttpStatus.OK);
		}
		asStaff(HttpMethod.PUT, PROFILE.replace("{id}", changedSince.candidateId()), MediaType.APPLICATION_JSON,
				profile("Tenant organizer for eleven years."))
			.expect(HttpStatus.OK);

		JsonNode list = asStaff(HttpMethod.GET, "/api/candidates/profiles/awaiting-approval?size=100", null, null)
			.expect(HttpStatus.OK)
			.json();

		List<String> ids = list.get("content")
			.valueStream()
			.map((entry) -> entry.get("candidateId").asString())
			.toList();
		assertThat(ids).contains(waiting.candidateId(), changedSince.candidateId())
			.doesNotContain(approved.candidateId());
		assertThat(ids.indexOf(changedSince.candidateId())).isLessThan(ids.indexOf(waiting.candidateId()));
		JsonNode entry = list.get("content").get(ids.indexOf(changedSince.candidateId()));
		assertThat(entry.get("candidateName").asString()).startsWith("Candidate ");
		assertThat(entry.get("revision").asLong()).isEqualTo(2);
		assertThat(entry.get("changedBy").asString()).isEqualTo("STAFF");
		assertThat(entry.get("published").asBoolean()).isTrue();
		assertThat(list.get("content").get(ids.indexOf(waiting.candidateId())).get("published").asBoolean()).isFalse();
		as(TestTokens.chapter("chapter-1"), HttpMethod.GET, "/api/candidates/profiles/awaiting-approval", null, null)
			.expect(HttpStatus.FORBIDDEN);
		as(null, HttpMethod.GET, "/api/candidates/profiles/awaiting-approval", null, null)
			.expect(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void anUploadedPhotoIsReEncodedAndServedToThePublicOnlyOnceApproved() throws IOException {
		Nominated jordan = nominated(true);
		String profilePath = PROFILE.replace("{id}", jordan.candidateId());
		String publicPhoto = "/api/candidates/" + jordan.candidateId() + "/photo";

		JsonNode uploaded = own(HttpMethod.PUT, OWN + "/photo", jordan.token(), MediaType.IMAGE_PNG,
				photo(1600, 1200, "png"))
			.expect(HttpStatus.OK)
			.json();

		JsonNode draftPhoto = uploaded.get("draft").get("photo");
		assertThat(draftPhoto.get("source").asString()).isEqualTo("UPLOAD");
		assertThat(draftPhoto.get("width").asInt()).isEqualTo(800);
		assertThat(draftPhoto.get("height").asInt()).isEqualTo(600);
		assertThat(draftPhoto.get("url").asString()).startsWith(OWN + "/photo?v=");
		Answer preview = own(HttpMethod.GET, OWN + "/photo", jordan.token(), null, null).expect(HttpStatus.OK);
		assertThat(preview.headers().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
		assertThat(preview.headers().getCacheControl()).contains("no-store");
		assertThat(ImageIO.read(new ByteArrayInputStream(preview.body())).getWidth()).isEqualTo(800);
		assertThat(asStaff(HttpMethod.GET, profilePath + "/photo", null, null).expect(HttpStatus.OK).body())
			.isEqualTo(preview.body());
		// Not public before staff approve.
		as(null, HttpMethod.GET, publicPhoto, null, null).expect(HttpStatus.NOT_FOUND);

		asStaff(HttpMethod.POST, profilePath + "/approval", MediaType.APPLICATION_JSON, Map.of("revision", 1))
			.expect(HttpStatus.OK);

		JsonNode shown = publicEndorsement(jordan.endorsementId()).get("profile").get("photo");
		String version = draftPhoto.get("url").asString().substring(draftPhoto.get("url").asString().indexOf("?v="));
		assertThat(shown.get("url").asString()).isEqualTo(publicPhoto + version);
		Answer served = as(null, HttpMethod.GET, shown.get("url").asString(), null, null).expect(HttpStatus.OK);
		assertThat(served.body()).isEqualTo(preview.body());
		assertThat(served.headers().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
		assertThat(served.headers().getCacheControl()).contains("public").contains("max-age=600");
		String etag = served.headers().getETag();
		assertThat(etag).isEqualTo("\"" + version.substring(3) + "\"");
		Answer revalidated = send(
				this.client.method(HttpMethod.GET).uri(publicPhoto).header(HttpHeaders.IF_NONE_MATCH, etag), null,
				null);
		assertThat(revalidated.status()).isEqualTo(HttpStatus.NOT_MODIFIED);

		// An address instead: the approved upload stays public until staff approve it.
		JsonNode byAddress = own(HttpMethod.PUT, OWN + "/photo", jordan.token(), MediaType.APPLICATION_JSON,
				Map.of("url", "https://photos.example.org/jordan.jpg"))
			.expect(HttpStatus.OK)
			.json();
		assertThat(byAddress.get("draft").get("photo").get("source").asString()).isEqualTo("URL");
		as(null, HttpMethod.GET, publicPhoto, null, null).expect(HttpStatus.OK);
		asStaff(HttpMethod.POST, profilePath + "/approval", MediaType.APPLICATION_JSON, Map.of("revision", 2))
			.expect(HttpStatus.OK);
		assertThat(publicEndorsement(jordan.endorsementId()).get("profile").get("photo").get("url").asString())
			.isEqualTo("https://photos.example.org/jordan.jpg");
		as(null, HttpMethod.GET, publicPhoto, null, null).expect(HttpStatus.NOT_FOUND);
		// The upload no longer shown is no longer stored.
		Document stored = this.mongo.findById(jordan.candidateId(), Document.class, "candidateProfiles");
		assertThat(stored.getList("images", Document.class)).isEmpty();

		// And removed.
		JsonNode removed = own(HttpMethod.DELETE, OWN + "/photo", jordan.token(), null, null).expect(HttpStatus.OK)
			.json();
		assertThat(removed.get("draft").get("photo").isNull()).isTrue();
		own(HttpMethod.GET, OWN + "/photo", jordan.token(), null, null).expect(HttpStatus.NOT_FOUND);
	}

	/**
	 * The attacks: without the link, with a made-up or replaced one, with a public or a
	 * chapter's token, or with one candidate's link against another's profile.
	 */
	@Test
	void nobodyButStaffAndTheLinksOwnCandidateReadsOrWritesADraft() throws IOException {
		Nominated jordan = nominated(false);
		Nominated other = nominated(true);
		String othersProfile = PROFILE.replace("{id}", other.candidateId());
		own(HttpMethod.PUT, OWN, other.token(), MediaType.APPLICATION_JSON, profile("The other's draft"))
			.expect(HttpStatus.OK);
		own(HttpMethod.PUT, OWN + "/photo", other.token(), MediaType.IMAGE_JPEG, photo(100, 100, "jpeg"))
			.expect(HttpStatus.OK);

		for (String stranger : new String[] { null, "", "not-a-token", other.token().substring(1), "x".repeat(500) }) {
			for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.PUT)) {
				Answer refused = own(method, OWN, stranger, MediaType.APPLICATION_JSON,
						(method == HttpMethod.PUT) ? profile("Defaced") : null);
				assertThat(refused.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
				assertThat(refused.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Questionnaire-Token");
			}
			own(HttpMethod.GET, OWN + "/photo", stranger, null, null).expect(HttpStatus.UNAUTHORIZED);
			own(HttpMethod.PUT, OWN + "/photo", stranger, MediaType.IMAGE_JPEG, photo(10, 10, "jpeg"))
				.expect(HttpStatus.UNAUTHORIZED);
			own(HttpMethod.DELETE, OWN + "/photo", stranger, null, null).expect(HttpStatus.UNAUTHORIZED);
		}
		// Staff's paths: no token 401, a chapter's 403, a forged one 401.
		String chapter = TestTokens.chapter(RegisteredChapterFixture.sharedChapter());
		for (String[] call : new String[][] { { "GET", othersProfile, null }, { "PUT", othersProfile, "json" },
				{ "GET", othersProfile + "/photo", null }, { "DELETE", othersProfile + "/photo", null },
				{ "POST", othersProfile + "/approval", "approval" },
				{ "DELETE", othersProfile + "/approval", null } }) {
			HttpMethod method = HttpMethod.valueOf(call[0]);
			Object body = (call[2] == null) ? null
					: call[2].equals("json") ? profile("Defaced") : Map.of("revision", 1);
			as(null, method, call[1], MediaType.APPLICATION_JSON, body).expect(HttpStatus.UNAUTHORIZED);
			as(chapter, method, call[1], MediaType.APPLICATION_JSON, body).expect(HttpStatus.FORBIDDEN);
			as(TestTokens.unsigned(), method, call[1], MediaType.APPLICATION_JSON, body)
				.expect(HttpStatus.UNAUTHORIZED);
		}
		// One candidate's link reaches their own profile, never the other's.
		own(HttpMethod.PUT, OWN, jordan.token(), MediaType.APPLICATION_JSON, profile("Jordan's own"))
			.expect(HttpStatus.OK);
		JsonNode theirs = asStaff(HttpMethod.GET, othersProfile, null, null).expect(HttpStatus.OK).json();
		assertThat(theirs.get("draft").get("biography").asString()).isEqualTo("The other's draft");
		assertThat(theirs.get("draft").get("revision").asLong()).isEqualTo(2);
		// Nothing of a draft is public: not its photo, not its words.
		as(null, HttpMethod.GET, "/api/candidates/" + other.candidateId() + "/photo", null, null)
			.expect(HttpStatus.NOT_FOUND);
		as(null, HttpMethod.GET, "/api/candidates/" + UUID.randomUUID() + "/photo", null, null)
			.expect(HttpStatus.NOT_FOUND);
		assertThat(publicEndorsement(other.endorsementId()).toString()).doesNotContain("The other's draft");
		// Staff reach known candidates only.
		asStaff(HttpMethod.GET, PROFILE.replace("{id}", UUID.randomUUID().toString()), null, null)
			.expect(HttpStatus.NOT_FOUND);
		asStaff(HttpMethod.PUT, PROFILE.replace("{id}", UUID.randomUUID().toString()), MediaType.APPLICATION_JSON,
				profile("Nobody"))
			.expect(HttpStatus.NOT_FOUND);
		// A link replaced by a new one opens nothing.
		staff().post("/api/nominations/{id}/questionnaire", Map.of(), HttpStatus.OK, jordan.nominationId());
		own(HttpMethod.GET, OWN, jordan.token(), null, null).expect(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void badInputIsAProblemNamingTheFieldsAndChangesNothing() throws IOException {
		Nominated jordan = nominated(false);
		own(HttpMethod.PUT, OWN, jordan.token(), MediaType.APPLICATION_JSON, profile("Kept")).expect(HttpStatus.OK);
		Map<String, Object> bad = profile("x".repeat(5001));
		@SuppressWarnings("unchecked")
		Map<String, Object> links = (Map<String, Object>) bad.get("links");
		links.put("website", "javascript:alert(1)");
		links.put("donate", "https://user:password@donate.example.org");
		links.put("social", List.of(Map.of("kind", "MYSPACE", "url", "https://myspace.com/x")));

		assertThat(
				own(HttpMethod.PUT, OWN, jordan.token(), MediaType.APPLICATION_JSON, bad).expect(HttpStatus.BAD_REQUEST)
					.fields())
			.contains("links.social[0].kind");
		links.put("social", List.of(Map.of("kind", "X", "url", "ftp://x.com/me")));
		assertThat(
				own(HttpMethod.PUT, OWN, jordan.token(), MediaType.APPLICATION_JSON, bad).expect(HttpStatus.BAD_REQUEST)
					.fields())
			.contains("biography");
		bad.put("biography", "Fine");
		assertThat(
				own(HttpMethod.PUT, OWN, jordan.token(), MediaType.APPLICATION_JSON, bad).expect(HttpStatus.BAD_REQUEST)
					.fields())
			.containsExactlyInAnyOrder("links.website", "links.donate", "links.social[0].url");
		assertThat(own(HttpMethod.PUT, OWN + "/photo", jordan.token(), MediaType.APPLICATION_JSON,
				Map.of("url", "http://photos.example.org/me.jpg"))
			.expect(HttpStatus.BAD_REQUEST)
			.fields()).containsExactly("url");
		assertThat(own(HttpMethod.PUT, OWN + "/photo", jordan.token(), MediaType.IMAGE_PNG,
				"<svg onload=alert(1)/>".getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.expect(HttpStatus.BAD_REQUEST)
			.fields()).containsExactly("photo");
		assertThat(own(HttpMethod.PUT, OWN + "/photo", jordan.token(), MediaType.IMAGE_PNG,
				org.groundgame.endorsement.profile.TestImages.png(100_000, 100_000))
			.expect(HttpStatus.BAD_REQUEST)
			.fields()).containsExactly("photo");
		own(HttpMethod.PUT, OWN + "/photo", jordan.token(), MediaType.TEXT_PLAIN, "hello".getBytes())
			.expect(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		Answer tooLarge = own(HttpMethod.PUT, OWN + "/photo", jordan.token(), MediaType.IMAGE_JPEG,
				new byte[5 * 1024 * 1024 + 1])
			.expect(HttpStatus.CONTENT_TOO_LARGE);
		assertThat(tooLarge.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(tooLarge.json().get("maxBytes").asLong()).isEqualTo(5 * 1024 * 1024);
		String profilePath = PROFILE.replace("{id}", jordan.candidateId());
		assertThat(asStaff(HttpMethod.POST, profilePath + "/approval", MediaType.APPLICATION_JSON, Map.of())
			.expect(HttpStatus.BAD_REQUEST)
			.fields()).containsExactly("revision");

		JsonNode kept = asStaff(HttpMethod.GET, profilePath, null, null).expect(HttpStatus.OK).json();
		assertThat(kept.get("draft").get("revision").asLong()).isEqualTo(1);
		assertThat(kept.get("draft").get("biography").asString()).isEqualTo("Kept");
		assertThat(kept.get("draft").get("photo").isNull()).isTrue();
		// The new filters too.
		assertThat(staff().anonymous().get("/api/endorsements?sort=random", HttpStatus.BAD_REQUEST).toString())
			.contains("sort");
		assertThat(staff().anonymous().get("/api/endorsements?outcome=MAYBE", HttpStatus.BAD_REQUEST).toString())
			.contains("outcome");
	}

	@Test
	void erasingTheCandidateErasesTheirProfileAndPhotoForGood() throws IOException {
		Nominated jordan = nominated(true);
		String profilePath = PROFILE.replace("{id}", jordan.candidateId());
		String words = "Erasable biography " + UUID.randomUUID();
		own(HttpMethod.PUT, OWN, jordan.token(), MediaType.APPLICATION_JSON, profile(words)).expect(HttpStatus.OK);
		own(HttpMethod.PUT, OWN + "/photo", jordan.token(), MediaType.IMAGE_PNG, photo(300, 300, "png"))
			.expect(HttpStatus.OK);
		asStaff(HttpMethod.POST, profilePath + "/approval", MediaType.APPLICATION_JSON, Map.of("revision", 2))
			.expect(HttpStatus.OK);
		as(null, HttpMethod.GET, "/api/candidates/" + jordan.candidateId() + "/photo", null, null)
			.expect(HttpStatus.OK);

		asStaff(HttpMethod.DELETE, "/api/nominations/candidates/" + jordan.candidateId(), null, null)
			.expect(HttpStatus.NO_CONTENT);

		assertThat(publicEndorsement(jordan.endorsementId()).get("profile").isNull()).isTrue();
		as(null, HttpMethod.GET, "/api/candidates/" + jordan.candidateId() + "/photo", null, null)
			.expect(HttpStatus.NOT_FOUND);
		asStaff(HttpMethod.GET, profilePath, null, null).expect(HttpStatus.NOT_FOUND);
		assertThat(asStaff(HttpMethod.PUT, profilePath, MediaType.APPLICATION_JSON, profile("Back again"))
			.expect(HttpStatus.CONFLICT)
			.json()
			.get("currentState")
			.asString()).isEqualTo("CANDIDATE_ERASED");
		own(HttpMethod.GET, OWN, jordan.token(), null, null).expect(HttpStatus.UNAUTHORIZED);
		Document tombstone = this.mongo.findById(jordan.candidateId(), Document.class, "candidateProfiles");
		assertThat(tombstone.keySet()).contains("_id", "erasedAt")
			.doesNotContain("draft", "approved", "images", "changedAt", "changedBy", "approvedAt");
		assertThat(this.mongo.count(new Query(), "candidateProfiles")).isPositive();
		for (String collection : this.mongo.getCollectionNames()) {
			assertThat(this.mongo.find(new Query(), Document.class, collection).toString()).as(collection)
				.doesNotContain(words);
		}
		// Erasing again changes nothing.
		asStaff(HttpMethod.DELETE, "/api/nominations/candidates/" + jordan.candidateId(), null, null)
			.expect(HttpStatus.NO_CONTENT);
		assertThat(this.mongo.findById(jordan.candidateId(), Document.class, "candidateProfiles")).isEqualTo(tombstone);
	}

	/**
	 * The candidate and staff writing at the same moment: every write is answered 200 or
	 * 409, each 200 is one revision, none is lost or overwritten.
	 */
	@Test
	void concurrentWritesAreEachARevisionOrAConflict() throws Exception {
		Nominated jordan = nominated(false);
		String profilePath = PROFILE.replace("{id}", jordan.candidateId());
		int writers = 8;
		List<HttpStatus> answers = together(writers, (i) -> (i % 2 == 0)
				? own(HttpMethod.PUT, OWN, jordan.token(), MediaType.APPLICATION_JSON, profile("Candidate " + i))
					.status()
				: asStaff(HttpMethod.PUT, profilePath, MediaType.APPLICATION_JSON, profile("Staff " + i)).status());

		assertThat(answers).containsOnly(HttpStatus.OK, HttpStatus.CONFLICT).contains(HttpStatus.OK);
		JsonNode profile = asStaff(HttpMethod.GET, profilePath, null, null).expect(HttpStatus.OK).json();
		assertThat(profile.get("draft").get("revision").asLong())
			.isEqualTo(answers.stream().filter(HttpStatus.OK::equals).count());
	}

	/**
	 * Staff approve the revision they read while the candidate changes it: either the
	 * approval wins and what is public is exactly what staff read, or the change wins and
	 * the approval is refused; never is the candidate's unread change approved.
	 */
	@Test
	void anApprovalRacingAChangeNeverPublishesWhatStaffDidNotRead() throws Exception {
		Nominated jordan = nominated(false);
		String profilePath = PROFILE.replace("{id}", jordan.candidateId());
		for (int round = 1; round <= 6; round++) {
			String read = "Read by staff in round " + round;
			JsonNode draft = own(HttpMethod.PUT, OWN, jordan.token(), MediaType.APPLICATION_JSON, profile(read))
				.expect(HttpStatus.OK)
				.json()
				.get("draft");
			long revision = draft.get("revision").asLong();
			int current = round;
			List<HttpStatus> answers = together(2,
					(i) -> (i == 0)
							? asStaff(HttpMethod.POST, profilePath + "/approval", MediaType.APPLICATION_JSON,
									Map.of("revision", revision))
								.status()
							: own(HttpMethod.PUT, OWN, jordan.token(), MediaType.APPLICATION_JSON,
									profile("Changed unread in round " + current))
								.status());

			JsonNode after = asStaff(HttpMethod.GET, profilePath, null, null).expect(HttpStatus.OK).json();
			assertThat(answers.get(0)).isIn(HttpStatus.OK, HttpStatus.CONFLICT);
			assertThat(answers.get(1)).isIn(HttpStatus.OK, HttpStatus.CONFLICT);
			if (answers.get(0) == HttpStatus.OK) {
				assertThat(after.get("approved").get("revision").asLong()).isEqualTo(revision);
				assertThat(after.get("approved").get("biography").asString()).isEqualTo(read);
			}
			else if (!after.get("approved").isNull()) {
				assertThat(after.get("approved").get("biography").asString()).doesNotContain("round " + round);
			}
			if (answers.get(1) == HttpStatus.OK) {
				assertThat(after.get("draft").get("biography").asString())
					.isEqualTo("Changed unread in round " + round);
				assertThat(after.get("status").asString()).isEqualTo("AWAITING_APPROVAL");
			}
		}
	}

	@Test
	void theLatestVictoriesComeFirstByWhenTheirOutcomeWasRecorded() {
		String office = "Victory Council " + UUID.randomUUID();
		List<String> endorsements = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Map<String, Object> nomination = NominationApi.nominationIn("KS");
			NominationApi.part(nomination, "race").put("office", office);
			NominationApi.part(nomination, "race").put("level", "LOCAL");
			String id = staff().submit(nomination).get("id").asString();
			endorsements.add(staff().decide(id, "ENDORSE", HttpStatus.OK).get("endorsementId").asString());
		}
		// Won in the order 2, 0; 1 lost.
		staff().recordOutcome(endorsements.get(2), "WON", HttpStatus.OK);
		staff().recordOutcome(endorsements.get(1), "LOST", HttpStatus.OK);
		staff().recordOutcome(endorsements.get(0), "WON", HttpStatus.OK);

		JsonNode victories = staff().anonymous()
			.get("/api/endorsements?office={office}&outcome=WON&sort=outcome&level=LOCAL&state=KS", HttpStatus.OK,
					office);
		JsonNode newest = staff().anonymous().get("/api/endorsements?office={office}", HttpStatus.OK, office);

		assertThat(victories.get("content").valueStream().map((endorsement) -> endorsement.get("id").asString()))
			.containsExactly(endorsements.get(0), endorsements.get(2));
		assertThat(newest.get("content").valueStream().map((endorsement) -> endorsement.get("id").asString()))
			.containsExactly(endorsements.get(2), endorsements.get(1), endorsements.get(0));
	}

	@Test
	void theFacetsOfferOnlyTheChoicesThatFindEndorsements() {
		int cycle = 2200 + java.util.concurrent.ThreadLocalRandom.current().nextInt(700);
		String[][] races = { { "WA", "LOCAL", "Mayor" }, { "OR", "STATE", "State Senator" }, { "WA", "LOCAL", "mayor" },
				{ "ID", "FEDERAL", "U.S. Representative" } };
		for (int i = 0; i < races.length; i++) {
			Map<String, Object> nomination = NominationApi.nominationIn(races[i][0]);
			Map<String, Object> race = NominationApi.part(nomination, "race");
			race.put("level", races[i][1]);
			race.put("office", races[i][2]);
			race.put("electionDate", java.time.LocalDate.of(cycle, 11, 7).toString());
			String id = staff().submit(nomination).get("id").asString();
			// The last one is declined: it offers nothing.
			staff().decide(id, (i < 3) ? "ENDORSE" : "DECLINE", HttpStatus.OK);
		}

		JsonNode facets = staff().anonymous().get("/api/endorsements/facets?cycle={cycle}", HttpStatus.OK, cycle);
		JsonNode inWashington = staff().anonymous()
			.get("/api/endorsements/facets?cycle={cycle}&state=WA", HttpStatus.OK, cycle);

		assertThat(facets.get("states").valueStream().map(JsonNode::asString)).containsExactly("OR", "WA");
		assertThat(facets.get("levels").valueStream().map(JsonNode::asString)).containsExactly("STATE", "LOCAL");
		assertThat(facets.get("offices").valueStream().map(JsonNode::asString)).containsExactly("Mayor",
				"State Senator");
		assertThat(facets.get("cycles").valueStream().map(JsonNode::asInt)).containsExactly(cycle);
		assertThat(inWashington.get("offices").valueStream().map(JsonNode::asString)).containsExactly("Mayor");
		assertThat(staff().anonymous().get("/api/endorsements/facets?state=XX", HttpStatus.BAD_REQUEST).toString())
			.contains("state");
	}

	/** Runs the calls on as many threads, released at the same moment. */
	private static List<HttpStatus> together(int calls, java.util.function.IntFunction<HttpStatus> call)
			throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService threads = Executors.newFixedThreadPool(calls)) {
			List<Future<HttpStatus>> running = new ArrayList<>();
			for (int i = 0; i < calls; i++) {
				int index = i;
				Callable<HttpStatus> task = () -> {
					start.await();
					return call.apply(index);
				};
				running.add(threads.submit(task));
			}
			start.countDown();
			List<HttpStatus> answers = new ArrayList<>();
			for (Future<HttpStatus> answer : running) {
				answers.add(answer.get());
			}
			return answers;
		}
	}

}
