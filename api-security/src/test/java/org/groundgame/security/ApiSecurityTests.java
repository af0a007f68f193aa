package org.groundgame.security;

import java.util.Map;
import java.util.stream.Stream;

import org.groundgame.test.security.TestIssuerConfiguration;
import org.groundgame.test.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(classes = ApiSecurityTests.Application.class)
@AutoConfigureMockMvc
@Import(TestIssuerConfiguration.class)
class ApiSecurityTests {

	@Autowired
	MockMvc mvc;

	static Stream<Arguments> untrustedTokens() {
		return Stream.of(Arguments.of("expired", TestTokens.token().roles("STAFF").expired().build()),
				Arguments.of("signed with another key",
						TestTokens.token().roles("STAFF").signedWithAnotherKey().build()),
				Arguments.of("alg none", TestTokens.unsigned()),
				Arguments.of("wrong issuer", TestTokens.token().roles("STAFF").issuer("https://evil.example").build()),
				Arguments.of("wrong audience", TestTokens.token().roles("STAFF").audience("another-api").build()),
				Arguments.of("not a token", "not-a-jwt"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("untrustedTokens")
	void untrustedTokenIsRefusedWithAProblemEvenOnAPublicEndpoint(String kind, String token) throws Exception {
		for (String path : new String[] { "/api/public", "/api/whoami" }) {
			this.mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Bearer")))
				.andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/problem+json"))
				.andExpect(jsonPath("$.type").value("urn:groundgame:problem:unauthorized"))
				.andExpect(jsonPath("$.status").value(401))
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(containsString(token))));
		}
	}

	@Test
	void missingTokenIsAProblemOnAProtectedEndpointAndNothingOnAPublicOne() throws Exception {
		this.mvc.perform(get("/api/whoami"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("urn:groundgame:problem:unauthorized"));
		this.mvc.perform(get("/api/public"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.caller").value("anonymous"));
	}

	@Test
	void callerComesFromTheTokenOnly() throws Exception {
		this.mvc.perform(get("/api/whoami").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.role").value("STAFF"));
		this.mvc
			.perform(get("/api/whoami").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.chapter("chapter-a")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.role").value("CHAPTER"))
			.andExpect(jsonPath("$.chapterId").value("chapter-a"));
	}

	@Test
	void aChapterRoleWithoutItsChapterGrantsNothing() throws Exception {
		String token = TestTokens.token().roles("CHAPTER").build();
		this.mvc.perform(get("/api/whoami").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.role").doesNotExist());
		this.mvc.perform(get("/api/chapters/chapter-a/secrets").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isForbidden());
	}

	@Test
	void aChapterReachesOnlyItsOwnChapter() throws Exception {
		this.mvc
			.perform(get("/api/chapters/chapter-a/secrets").header(HttpHeaders.AUTHORIZATION,
					"Bearer " + TestTokens.chapter("chapter-a")))
			.andExpect(status().isOk());
		this.mvc
			.perform(get("/api/chapters/chapter-a/secrets").header(HttpHeaders.AUTHORIZATION,
					"Bearer " + TestTokens.chapter("chapter-b")))
			.andExpect(status().isForbidden())
			.andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/problem+json"))
			.andExpect(jsonPath("$.type").value("urn:groundgame:problem:forbidden"));
		this.mvc
			.perform(get("/api/chapters/chapter-a/secrets").header(HttpHeaders.AUTHORIZATION,
					"Bearer " + TestTokens.staff()))
			.andExpect(status().isOk());
	}

	@Test
	void aRoleRuleRefusesTheOtherRole() throws Exception {
		this.mvc
			.perform(get("/api/staff-only").header(HttpHeaders.AUTHORIZATION,
					"Bearer " + TestTokens.chapter("chapter-a")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("urn:groundgame:problem:forbidden"));
		this.mvc.perform(get("/api/staff-only").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff()))
			.andExpect(status().isOk());
	}

	@Test
	void responsesCarrySecurityHeaders() throws Exception {
		this.mvc.perform(get("/api/whoami").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff()))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
	}

	@SpringBootApplication
	static class Application {

		@Bean
		SecurityFilterChain api(HttpSecurity http, ApiHttpSecurity api) throws Exception {
			return api.build(http,
					(endpoints) -> endpoints.requestMatchers(HttpMethod.GET, "/api/public")
						.permitAll()
						.requestMatchers("/api/staff-only")
						.hasRole("STAFF"));
		}

		@RestController
		static class Endpoints {

			@GetMapping("/api/public")
			Map<String, String> open(Caller caller) {
				return Map.of("caller", caller.toString());
			}

			@GetMapping("/api/whoami")
			Caller whoami(Caller caller) {
				return caller;
			}

			@GetMapping("/api/staff-only")
			String staffOnly() {
				return "ok";
			}

			@GetMapping("/api/chapters/{chapterId}/secrets")
			String secrets(@PathVariable String chapterId, Caller caller) {
				caller.requireChapterAccess(chapterId);
				return "the chapter's own";
			}

		}

	}

}
