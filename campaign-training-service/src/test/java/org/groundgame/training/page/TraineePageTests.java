package org.groundgame.training.page;

import java.util.regex.Pattern;

import org.groundgame.security.ApiSecurityAutoConfiguration;
import org.groundgame.test.security.TestIssuerConfiguration;
import org.groundgame.test.security.TestTokens;
import org.groundgame.training.SecurityConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page a seat offer's e-mail links to, behind the service's real security rules: it
 * is public (it holds nothing; the script asks the API with the token of the link) and
 * served whole, with no inline script for the gateway's Content-Security-Policy to
 * refuse.
 */
@WebMvcTest(TraineePageConfiguration.class)
@Import({ SecurityConfiguration.class, TestIssuerConfiguration.class, TraineePageTests.WebSecurity.class })
@ImportAutoConfiguration(ApiSecurityAutoConfiguration.class)
class TraineePageTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void anEnrollmentsAddressIsTheTraineesPageWithoutAToken() {
		MvcTestResult result = this.mvc.get().uri("/training/enrollments/e-42").exchange();

		assertThat(result).hasStatus(HttpStatus.OK).hasForwardedUrl(TraineePageConfiguration.PAGE);
	}

	@Test
	void thePageItsScriptAndItsStylesheetAreServedWithoutAToken() {
		MvcTestResult page = this.mvc.get().uri(TraineePageConfiguration.PAGE).exchange();
		MvcTestResult script = this.mvc.get().uri("/training/enrollment.js").exchange();
		MvcTestResult style = this.mvc.get().uri("/training/enrollment.css").exchange();

		assertThat(page).hasStatus(HttpStatus.OK).hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
		assertThat(page).bodyText()
			.contains("<script src=\"/training/enrollment.js\" defer>",
					"<link rel=\"stylesheet\" href=\"/training/enrollment.css\">", "id=\"accept\"", "id=\"decline\"",
					"id=\"withdraw\"");
		assertThat(script).hasStatus(HttpStatus.OK);
		// The token goes to the API in the header only, never in an address.
		assertThat(script).bodyText()
			.contains("X-Manage-Token", "window.location.hash", "'accept-offer'", "'decline-offer'", "'withdraw'",
					"/cohorts?page=")
			.doesNotContain("?token=", "&token=");
		assertThat(style).hasStatus(HttpStatus.OK).hasContentTypeCompatibleWith("text/css");
	}

	@Test
	void thePageHasNoInlineScriptOrStyle() throws Exception {
		String page = this.mvc.get().uri(TraineePageConfiguration.PAGE).exchange().getResponse().getContentAsString();

		assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE).matcher(page).find())
			.as("inline <script>")
			.isFalse();
		assertThat(page).doesNotContainIgnoringCase("<style").doesNotContainIgnoringCase("style=");
		assertThat(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(page).find())
			.as("inline event handler")
			.isFalse();
		assertThat(page).doesNotContainIgnoringCase("javascript:");
	}

	@ParameterizedTest
	@ValueSource(strings = { "POST", "PUT", "DELETE" })
	void onlyReadingThePageIsPublic(String method) {
		MvcTestResult result = this.mvc.method(HttpMethod.valueOf(method)).uri("/training/enrollments/e-42").exchange();

		assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aBadTokenIsRefusedOnThePageToo() {
		MvcTestResult result = this.mvc.get()
			.uri("/training/enrollments/e-42")
			.header("Authorization", "Bearer " + TestTokens.token().roles("STAFF").expired().build())
			.exchange();

		assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	/**
	 * Spring Security in the slice: this module's tests have no security-test starter
	 * (whose slice auto-configuration would do the same), and the page's test should not
	 * change the service's build.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	@EnableWebSecurity
	static class WebSecurity {

	}

}
