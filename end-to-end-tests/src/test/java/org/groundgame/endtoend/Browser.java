package org.groundgame.endtoend;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person's browser: Debian's Chromium, headless, driven through Debian's chromedriver
 * (both from {@code /usr/bin}, which {@code ./test.sh} installs; Selenium Manager is
 * never asked to find or download anything). One per test JVM, shared by the test classes
 * through {@link RealBrowser}, with a profile of its own in a temporary folder deleted at
 * the end.
 * <p>
 * Tests act as a person does: they open an address, fill in a field by its label, press a
 * button or follow a link by its words, and read headings and text. Every page the
 * browser lands on is checked for accessibility ({@link Accessibility}) before the test
 * goes on, so a journey fails on the first page with a WCAG 2.x A or AA violation.
 * {@link #screenshot(String, String)} saves what the person sees to
 * {@code target/screenshots/<journey>-<step>-<phone|desktop>.png}.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	/** Long enough for a page that calls a service just restarted by another test. */
	private static final Duration PAGE = Duration.ofSeconds(20);

	/** Between two looks of a wait: one command to the driver each. */
	private static final Duration LOOK_AGAIN = Duration.ofMillis(20);

	/** The widths a journey is seen at. */
	enum Width {

		PHONE(360, 800, true), DESKTOP(1366, 900, false);

		private final int width;

		private final int height;

		private final boolean mobile;

		Width(int width, int height, boolean mobile) {
			this.width = width;
			this.height = height;
			this.mobile = mobile;
		}

		String label() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	private final URI site;

	private final ChromeDriverService service;

	private final ChromeDriver driver;

	private final Path profile;

	private final Accessibility accessibility;

	private Width width = Width.DESKTOP;

	private Browser(URI site, ChromeDriverService service, ChromeDriver driver, Path profile) {
		this.site = site;
		this.service = service;
		this.driver = driver;
		this.profile = profile;
		this.accessibility = new Accessibility(driver);
	}

	/**
	 * Starts Chromium, or says why it cannot.
	 * @param site the address pages are opened at (the gateway)
	 * @return the browser, at desktop width, with English as the person's language
	 */
	static Browser start(URI site) {
		for (Path executable : List.of(CHROMIUM, CHROMEDRIVER)) {
			if (!Files.isExecutable(executable)) {
				throw new IllegalStateException(executable + " is missing: the browser tests drive Debian's chromium "
						+ "through its chromium-driver, which ./test.sh installs (or: apt-get install chromium chromium-driver)");
			}
		}
		Path profile;
		try {
			profile = Files.createTempDirectory("groundgame-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// The driver's executable is named, so Selenium Manager is never run to find one.
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.withLogOutput(java.io.OutputStream.nullOutputStream())
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--no-first-run",
				"--user-data-dir=" + profile, "--lang=en-US",
				"--window-size=" + Width.DESKTOP.width + "," + Width.DESKTOP.height);
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
		ChromeDriver driver;
		try {
			driver = new ChromeDriver(service, options);
		}
		catch (RuntimeException ex) {
			service.stop();
			delete(profile);
			throw ex;
		}
		driver.manage().timeouts().pageLoadTimeout(PAGE).scriptTimeout(PAGE);
		Browser browser = new Browser(site, service, driver, profile);
		browser.resize(Width.DESKTOP);
		return browser;
	}

	/**
	 * A new visitor: no cookies (so no language chosen), nothing cached (the site lets
	 * browsers keep its public pages for a minute, which would hide what the previous
	 * test added), at desktop width, on a blank page.
	 */
	void startOver() {
		this.driver.get("about:blank");
		this.driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
		this.driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
		resize(Width.DESKTOP);
	}

	/** Sees the pages at a phone's or a desktop's width from now on. */
	void resize(Width width) {
		this.width = width;
		this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width.width, "height", width.height, "deviceScaleFactor", 1, "mobile", width.mobile));
	}

	Width width() {
		return this.width;
	}

	/** The site's address, for reading links e-mailed to people. */
	URI site() {
		return this.site;
	}

	/**
	 * Opens a page of the site, as typed into the address bar or followed from an e-mail.
	 * @param pathAndMore path, query and fragment, e.g. {@code /candidates?state=MO}
	 */
	void open(String pathAndMore) {
		this.driver.get(this.site.resolve(pathAndMore).toString());
		landed();
	}

	/**
	 * Opens a private link from an e-mail (its token in the fragment): the page that asks
	 * for the key sends it at once (site.js) and is replaced by the person's own page,
	 * which is the one checked.
	 * @param pathAndFragment e.g. {@code /volunteers/<id>#token=<key>}
	 */
	void openPrivateLink(String pathAndFragment) {
		this.driver.get(this.site.resolve(pathAndFragment).toString());
		wait(PAGE)
			.until((driver) -> driver.findElements(By.cssSelector("form[data-private-link][data-autosubmit]")).isEmpty()
					&& "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState;")));
		landed();
	}

	/** Follows the first visible link with these words, and waits for its page. */
	void follow(String words) {
		WebElement link = visible(By.xpath("//a[normalize-space(.)=" + literal(words) + "]"), "a link '" + words + "'");
		navigatingBy(link::click);
	}

	/** Follows the first visible link with these words inside a landmark or section. */
	void follow(String words, By within) {
		WebElement link = this.driver.findElement(within)
			.findElements(By.xpath(".//a[normalize-space(.)=" + literal(words) + "]"))
			.stream()
			.filter(WebElement::isDisplayed)
			.findFirst()
			.orElseThrow(() -> new NoSuchElementException("No link '" + words + "' in " + within));
		navigatingBy(link::click);
	}

	/**
	 * Types into the field with this label (what was there is replaced).
	 * @param label the words of the field's {@code <label>}
	 * @param value what the person types
	 */
	void fillIn(String label, String value) {
		WebElement field = field(label);
		field.clear();
		field.sendKeys(value);
	}

	/** Picks an option, by its words, of the drop-down with this label. */
	void choose(String label, String option) {
		new Select(field(label)).selectByVisibleText(option);
	}

	/** Ticks the checkbox with this label, unless it is ticked. */
	void tick(String label) {
		WebElement box = field(label);
		if (!box.isSelected()) {
			box.click();
		}
	}

	/** Unticks the checkbox with this label, if it is ticked. */
	void untick(String label) {
		WebElement box = field(label);
		if (box.isSelected()) {
			box.click();
		}
	}

	/** Whether the field with this label is visible (a field may be hidden by script). */
	boolean showsField(String label) {
		List<WebElement> labels = this.driver
			.findElements(By.xpath("//label[normalize-space(.)=" + literal(label) + "]"));
		if (labels.isEmpty()) {
			throw new NoSuchElementException("No field labelled '" + label + "' on " + this.driver.getCurrentUrl());
		}
		return labels.stream().anyMatch(WebElement::isDisplayed);
	}

	/**
	 * Presses the button with these words and waits for the page it leads to (a form sent
	 * without htmx).
	 */
	void press(String words) {
		WebElement button = button(words);
		navigatingBy(button::click);
	}

	/**
	 * Presses the button with these words where htmx answers in place: the page stays,
	 * part of it changes; the caller waits for what it expects to see, then calls
	 * {@link #checkAccessibility()}.
	 */
	void pressInPlace(String words) {
		button(words).click();
	}

	/**
	 * Presses the button with these words inside one part of the page (a row of a roster)
	 * where htmx answers in place.
	 */
	void pressInPlace(By within, String words) {
		this.driver.findElement(within)
			.findElement(By.xpath(".//button[normalize-space(.)=" + literal(words) + "]"))
			.click();
	}

	/**
	 * Sets the date-and-time field with this label as its picker would: typing into one
	 * depends on the browser's locale.
	 * @param label the words of the field's {@code <label>}
	 * @param value e.g. {@code 2026-12-07T18:00}
	 */
	void setDateTime(String label, String value) {
		((JavascriptExecutor) this.driver).executeScript("arguments[0].value = arguments[1];", field(label), value);
	}

	/**
	 * The page's one {@code
	 *
	<h1>}.
	 */
	String heading() {
		return this.driver.findElement(By.tagName("h1")).getText();
	}

	/** The words of every heading of a level, in order. */
	List<String> headings(int level) {
		return this.driver.findElements(By.tagName("h" + level)).stream().map(WebElement::getText).toList();
	}

	/** Everything the page shows, as text. */
	String text() {
		return this.driver.findElement(By.tagName("body")).getText();
	}

	/** What a part of the page shows, as text. */
	String text(By part) {
		return this.driver.findElement(part).getText();
	}

	/**
	 * The words of the visible links of a part of the page. htmx may swap the part again
	 * while its links are read: a filter form that asks on {@code change} and on
	 * {@code submit} answers a typed value and a press of its button twice, with the same
	 * results, and the second answer can replace the part between reading its links and
	 * asking whether each is displayed. A person sees the part as it is after the swap,
	 * so a read that met a swapped-out link reads the new part again; the words are those
	 * of one whole part, never a mix.
	 */
	List<String> links(By within) {
		return wait(PAGE).ignoring(StaleElementReferenceException.class)
			.until((driver) -> driver.findElement(within)
				.findElements(By.tagName("a"))
				.stream()
				.filter(WebElement::isDisplayed)
				.map(WebElement::getText)
				.toList());
	}

	/** The page's language, as its {@code <html lang>} says. */
	String language() {
		return this.driver.findElement(By.tagName("html")).getAttribute("lang");
	}

	String title() {
		return this.driver.getTitle();
	}

	/** The address in the address bar. */
	URI address() {
		return URI.create(this.driver.getCurrentUrl());
	}

	/** The MIME type the browser was given for the page (not a JSON document, say). */
	String contentType() {
		return (String) ((JavascriptExecutor) this.driver).executeScript("return document.contentType;");
	}

	/**
	 * Sends a form that the page does not offer, from the page as it is and in the
	 * person's own session (with the CSRF token of the page's forms): what someone who
	 * knows a form's address and fields could forge. Waits for the page it leads to.
	 * @param action the form's path
	 * @param fields its fields
	 */
	void postForged(String action, Map<String, String> fields) {
		navigatingBy(() -> ((JavascriptExecutor) this.driver).executeScript("""
				const form = document.createElement('form');
				form.method = 'post';
				form.action = arguments[0];
				const token = document.querySelector('input[name="_csrf"]');
				if (token) { form.appendChild(token.cloneNode()); }
				for (const [name, value] of Object.entries(arguments[1])) {
					const input = document.createElement('input');
					input.type = 'hidden';
					input.name = name;
					input.value = value;
					form.appendChild(input);
				}
				document.body.appendChild(form);
				form.submit();""", action, fields));
	}

	/**
	 * Waits until a part of the page shows these words (an answer swapped in by htmx).
	 * @param part the part
	 * @param words the words
	 */
	void awaitText(By part, String words) {
		wait(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(part, words));
	}

	/**
	 * Waits until one part of the page reads exactly these words, whatever the case its
	 * style gives them (a status badge). htmx replaces the part while it is waited for:
	 * an element read just as it was swapped out is looked up again, as a person's eyes
	 * would move to the new one.
	 */
	void awaitExactTextIgnoringCase(By part, String words) {
		wait(PAGE).ignoring(StaleElementReferenceException.class)
			.until((driver) -> driver.findElement(part).getText().strip().equalsIgnoreCase(words));
	}

	/** Waits until the whole page no longer shows these words. */
	void awaitNoText(By part, String words) {
		wait(PAGE).until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(part, words)));
	}

	/**
	 * An attribute of the first element found (a link's {@code href}, a hidden field's
	 * {@code value}).
	 */
	String attribute(By element, String name) {
		return this.driver.findElement(element).getDomAttribute(name);
	}

	/**
	 * The cookies the browser holds for the site, as a {@code Cookie} header, for a test
	 * that fetches what a page links to as that person (a file to download) or sends a
	 * form the page does not offer (an attack).
	 */
	String cookieHeader() {
		return this.driver.manage()
			.getCookies()
			.stream()
			.map((cookie) -> cookie.getName() + "=" + cookie.getValue())
			.reduce((first, second) -> first + "; " + second)
			.orElse("");
	}

	/**
	 * Marks the page now shown, so that {@link #isSamePage()} tells whether it is still
	 * the same document (changed in place, never reloaded).
	 */
	void markPage() {
		((JavascriptExecutor) this.driver).executeScript("window.groundGameMark = 'marked';");
	}

	/** Whether the page marked by {@link #markPage()} was never left nor reloaded. */
	boolean isSamePage() {
		return "marked".equals(((JavascriptExecutor) this.driver).executeScript("return window.groundGameMark;"));
	}

	/** Checks the page as it is now for WCAG 2.x A and AA violations. */
	void checkAccessibility() {
		this.accessibility.check(this.driver.getCurrentUrl() + " (" + this.width.label() + ")");
	}

	/**
	 * Saves what the person sees now as
	 * {@code target/screenshots/<journey>-<step>-<phone|desktop>.png}.
	 * @return the file
	 */
	Path screenshot(String journey, String step) {
		return save(journey + "-" + step + "-" + this.width.label());
	}

	/** Saves the page as it is, named freely (for a test that failed). */
	Path save(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Saves the page's HTML as it is now (for a test that failed). */
	Path saveSource(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".html");
			Files.writeString(file, this.driver.getPageSource());
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			this.service.stop();
			delete(this.profile);
		}
	}

	private void navigatingBy(Runnable action) {
		WebElement page = this.driver.findElement(By.tagName("html"));
		action.run();
		// The old page is gone once asking about its root fails: as a stale element, or,
		// when Chromium replaces the document during the call, as an inspector error
		// ("Node with given id does not belong to the document"), which
		// ExpectedConditions.stalenessOf lets through as an error. Both mean the same
		// here.
		wait(PAGE).until((driver) -> {
			try {
				page.isEnabled();
				return false;
			}
			catch (WebDriverException gone) {
				return true;
			}
		});
		landed();
	}

	private void landed() {
		wait(PAGE).until((driver) -> "complete"
			.equals(((JavascriptExecutor) driver).executeScript("return document.readyState;")));
		checkAccessibility();
	}

	private WebElement field(String label) {
		WebElement found = visible(By.xpath("//label[normalize-space(.)=" + literal(label) + "]"),
				"a field labelled '" + label + "'");
		String id = found.getAttribute("for");
		return (id != null && !id.isEmpty()) ? this.driver.findElement(By.id(id))
				: found.findElement(By.xpath(".//input|.//select|.//textarea"));
	}

	private WebElement button(String words) {
		return visible(By.xpath("//button[normalize-space(.)=" + literal(words) + "]|//input[@type='submit' and @value="
				+ literal(words) + "]"), "a button '" + words + "'");
	}

	private WebElement visible(By by, String what) {
		return this.driver.findElements(by)
			.stream()
			.filter(WebElement::isDisplayed)
			.findFirst()
			.orElseThrow(() -> new NoSuchElementException("No visible " + what + " on " + this.driver.getCurrentUrl()));
	}

	/**
	 * A wait that looks again every {@link #LOOK_AGAIN}. Selenium's default, half a
	 * second, was charged to every navigation: the old page is still there at the first
	 * look, and a page usually comes in tens of milliseconds.
	 */
	private WebDriverWait wait(Duration timeout) {
		return new WebDriverWait(this.driver, timeout, LOOK_AGAIN);
	}

	/** Words as an XPath string literal, whatever quotes they hold. */
	static String literal(String words) {
		if (!words.contains("'")) {
			return "'" + words + "'";
		}
		if (!words.contains("\"")) {
			return "\"" + words + "\"";
		}
		return "concat('" + words.replace("'", "', \"'\", '") + "')";
	}

	private static void delete(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException ex) {
			// The temporary folder goes with the machine's next clean-up.
		}
	}

}
