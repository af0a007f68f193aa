package org.groundgame.volunteer.chapter;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.groundgame.security.ApiSecurityAutoConfiguration;
import org.groundgame.support.domain.NotFoundException;
import org.groundgame.support.geography.UsState;
import org.groundgame.test.security.TestIssuerConfiguration;
import org.groundgame.test.security.TestTokens;
import org.groundgame.volunteer.SecurityConfiguration;
import org.groundgame.volunteer.chapter.Chapter.RegisterChapter;
import org.groundgame.volunteer.chapter.Chapter.UpdateChapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.data.domain.PageImpl;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * The web layer with the service's real security rules in front of it: registering is
 * done with a staff token, reading without one.
 */
@WebMvcTest(ChapterController.class)
@Import({ SecurityConfiguration.class, TestIssuerConfiguration.class })
@ImportAutoConfiguration(ApiSecurityAutoConfiguration.class)
class ChapterControllerTests {

	private static final ChapterView MOBILIZE_MISSOURI = new ChapterView(
			new Chapter("c-1", new ChapterName("Mobilize Missouri"), UsState.MO, "St. Louis",
					new ContactEmail("info@mobilizemissouri.org"), "Our Revolution", List.of("c-2"),
					Instant.parse("2026-03-02T18:30:00.123Z")),
			List.of(new SisterChapter("c-2", "Columbia Progressives", "Columbia", "MO"),
					new SisterChapter("c-3", "KC Progressives", "Kansas City", "MO")));

	private static final String MOBILIZE_MISSOURI_JSON = """
			{"id":"c-1","name":"Mobilize Missouri","state":"MO","city":"St. Louis",
			 "contactEmail":"info@mobilizemissouri.org","parentOrganization":"Our Revolution","sisterChapterIds":["c-2"],
			 "sisterChapters":[{"id":"c-2","name":"Columbia Progressives","city":"Columbia","state":"MO"},
			                   {"id":"c-3","name":"KC Progressives","city":"Kansas City","state":"MO"}],
			 "registeredAt":"2026-03-02T18:30:00.123Z"}""";

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private ChapterService chapters;

	@Test
	void registeringAnswersTheCreatedChapterAndWhereItLives() {
		given(this.chapters.register(any())).willReturn(MOBILIZE_MISSOURI);

		MvcTestResult result = register("""
				{"name":"Mobilize Missouri","state":"MO","city":"St. Louis","contactEmail":"info@mobilizemissouri.org",
				 "parentOrganization":"Our Revolution","sisterChapterIds":["c-2"],
				 "id":"chosen-by-the-client","registeredAt":"1999-01-01T00:00:00Z"}""");

		assertThat(result).hasStatus(HttpStatus.CREATED).hasHeader("Location", "/api/chapters/c-1");
		assertThat(result).bodyJson().isStrictlyEqualTo(MOBILIZE_MISSOURI_JSON);
		then(this.chapters).should()
			.register(new RegisterChapter("Mobilize Missouri", "MO", "St. Louis", "info@mobilizemissouri.org",
					"Our Revolution", List.of("c-2")));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					name missing          | name         | {"state":"MO","city":"St. Louis","contactEmail":"a@b.org"}
					name blank            | name         | {"name":"  ","state":"MO","city":"St. Louis","contactEmail":"a@b.org"}
					state not a US state  | state        | {"name":"N","state":"ZZ","city":"St. Louis","contactEmail":"a@b.org"}
					state spelled out     | state        | {"name":"N","state":"Missouri","city":"St. Louis","contactEmail":"a@b.org"}
					state missing         | state        | {"name":"N","city":"St. Louis","contactEmail":"a@b.org"}
					city missing          | city         | {"name":"N","state":"MO","contactEmail":"a@b.org"}
					contactEmail missing  | contactEmail | {"name":"N","state":"MO","city":"St. Louis"}
					contactEmail no @     | contactEmail | {"name":"N","state":"MO","city":"St. Louis","contactEmail":"info"}
					contactEmail no dot   | contactEmail | {"name":"N","state":"MO","city":"St. Louis","contactEmail":"info@example"}
					""")
	void anInvalidFieldIsAProblemThatNamesIt(String description, String field, String body) {
		MvcTestResult result = register(body);

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly(field);
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(400);
		then(this.chapters).shouldHaveNoInteractions();
	}

	@Test
	void aNameLongerThanTwoHundredCharactersIsAProblem() {
		MvcTestResult result = register("""
				{"name":"%s","state":"MO","city":"St. Louis","contactEmail":"a@b.org"}""".formatted("x".repeat(201)));

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
		then(this.chapters).shouldHaveNoInteractions();
	}

	@Test
	void everyInvalidFieldIsNamedOnce() {
		MvcTestResult result = register("{}");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("name", "state", "city", "contactEmail");
	}

	@Test
	void aBodyThatIsNotJsonIsAProblem() {
		MvcTestResult result = register("{\"name\":");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("body");
	}

	@Test
	void aSecondChapterOfTheSameNameInTheStateIsAConflict() {
		given(this.chapters.register(any()))
			.willThrow(new ChapterAlreadyRegisteredException(new ChapterName("Mobilize Missouri"), UsState.MO));

		MvcTestResult result = register("""
				{"name":"mobilize missouri","state":"MO","city":"St. Louis","contactEmail":"a@b.org"}""");

		assertThat(result).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("A chapter named 'Mobilize Missouri' is already registered in MO");
	}

	@Test
	void anUnknownChapterIsNotFound() {
		given(this.chapters.chapter("nope")).willThrow(new NotFoundException("chapter", "nope"));

		MvcTestResult result = this.mvc.get().uri("/api/chapters/nope").exchange();

		assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(404);
	}

	@Test
	void chaptersAreListedAsAPage() {
		given(this.chapters.chapters(Optional.of(UsState.MO), 0, 20))
			.willReturn(new PageImpl<>(List.of(MOBILIZE_MISSOURI), PageRequest.of(0, 20), 1));

		MvcTestResult result = this.mvc.get().uri("/api/chapters?state=mo").exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().isStrictlyEqualTo("""
				{"content":[%s],
				 "page":{"number":0,"size":20,"totalElements":1,"totalPages":1}}""".formatted(MOBILIZE_MISSOURI_JSON));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			state=ZZ   | state
			size=0     | size
			size=101   | size
			page=-1    | page
			page=first | page
			""")
	void anInvalidListingParameterIsAProblemThatNamesIt(String query, String field) {
		MvcTestResult result = this.mvc.get().uri("/api/chapters?" + query).exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly(field);
		then(this.chapters).shouldHaveNoInteractions();
	}

	@Test
	void aParentOrganizationLongerThanTwoHundredCharactersIsAProblem() {
		MvcTestResult result = register("""
				{"name":"N","state":"MO","city":"St. Louis","contactEmail":"a@b.org","parentOrganization":"%s"}"""
			.formatted("x".repeat(201)));

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("parentOrganization");
		then(this.chapters).shouldHaveNoInteractions();
	}

	@Test
	void updatingAnswersTheChapterAsItNowIs() {
		given(this.chapters.update(eq("c-1"), any(), any())).willReturn(MOBILIZE_MISSOURI);

		MvcTestResult result = this.mvc.put()
			.uri("/api/chapters/c-1")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.chapter("c-1"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							{"name":"Mobilize Missouri","state":"MO","city":"St. Louis","contactEmail":"info@mobilizemissouri.org",
							 "parentOrganization":"Our Revolution","sisterChapterIds":["c-2"],"id":"c-9",
							 "registeredAt":"1999-01-01T00:00:00Z"}""")
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().isStrictlyEqualTo(MOBILIZE_MISSOURI_JSON);
		then(this.chapters).should()
			.update(eq("c-1"), eq(new UpdateChapter("Mobilize Missouri", "MO", "St. Louis", "info@mobilizemissouri.org",
					"Our Revolution", List.of("c-2"))), any());
	}

	@Test
	void updatingWithoutATokenIsRefusedBeforeTheService() {
		MvcTestResult result = this.mvc.put()
			.uri("/api/chapters/c-1")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		then(this.chapters).shouldHaveNoInteractions();
	}

	private MvcTestResult register(String json) {
		return this.mvc.post()
			.uri("/api/chapters")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

}
