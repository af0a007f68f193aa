package org.groundgame.endtoend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core, run inside the page as it is: the rules of WCAG 2.0, 2.1 and 2.2 at levels A
 * and AA. axe is the repository's own copy ({@code src/test/resources/axe/axe.min.js},
 * see the README there), injected with the driver's script call, never fetched from a
 * CDN; the page's Content-Security-Policy does not apply to the driver's scripts.
 */
final class Accessibility {

	static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

	private static final String AXE = axeSource();

	private static final String RUN = """
			var done = arguments[arguments.length - 1];
			axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
				.then(function (results) { done(JSON.stringify(results.violations)); },
					function (error) { done(JSON.stringify({ error: String(error) })); });
			""";

	private static final JsonMapper json = JsonMapper.shared();

	private final WebDriver driver;

	/**
	 * Checks the pages of this driver. A Chromium driver is asked once to evaluate axe in
	 * every new document as it is created: sent with each check, its 650 KB went through
	 * the driver for every page, an eighth of a browser test's time.
	 * @param driver the browser
	 */
	Accessibility(WebDriver driver) {
		this.driver = driver;
		if (driver instanceof HasCdp chromium) {
			chromium.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", AXE));
		}
	}

	/**
	 * Fails, naming each violation (rule, impact, what to fix, the elements at fault),
	 * when the page as it is now has any.
	 * @param page the page, as the failure names it
	 */
	void check(String page) {
		JavascriptExecutor script = (JavascriptExecutor) this.driver;
		if (!Boolean.TRUE.equals(script.executeScript("return typeof window.axe === 'object';"))) {
			script.executeScript(AXE);
		}
		JsonNode answer = json.readTree((String) script.executeAsyncScript(RUN, TAGS));
		assertThat(answer.path("error").isMissingNode()).as("axe-core ran on %s: %s", page, answer).isTrue();
		List<String> violations = new ArrayList<>();
		for (JsonNode violation : answer) {
			List<String> targets = new ArrayList<>();
			violation.path("nodes").forEach((node) -> targets.add(node.path("target").toString()));
			violations.add(violation.path("id").asString() + " (" + violation.path("impact").asString() + "): "
					+ violation.path("help").asString() + " at " + String.join(", ", targets));
		}
		assertThat(violations).as("WCAG 2.x A/AA violations on %s", page).isEmpty();
	}

	private static String axeSource() {
		try (InputStream in = Accessibility.class.getResourceAsStream("/axe/axe.min.js")) {
			if (in == null) {
				throw new IllegalStateException("axe/axe.min.js is not on the test class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
