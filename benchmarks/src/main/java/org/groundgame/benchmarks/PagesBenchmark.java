package org.groundgame.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.groundgame.benchmarks.pages.GatewayGetPath;
import org.groundgame.platform.LocalPlatform;
import org.groundgame.platform.Settings;

/**
 * Measures the public site's pages through the gateway — the home page and the candidates
 * page — beside a static file the same gateway serves from the same web module, in the
 * same run, each at a fixed rate with an open loop. Starts the whole local platform for
 * the run (every service its own JVM, demo data seeded, free ports on 127.0.0.1, a
 * temporary data folder), or measures a running gateway. See the module's README.
 */
public final class PagesBenchmark {

	/** The baseline: a file the web module serves as it is, through the same gateway. */
	static final Page STATIC_FILE = new Page("static /css/site.css", "/css/site.css");

	static final List<Page> PAGES = List.of(new Page("home page /", "/"), new Page("candidates", "/candidates"));

	/**
	 * The public bucket of the gateway's rate limit per address, raised for the run: by
	 * default it lets one address make 60 requests a minute without a token, and every
	 * request of the benchmark comes from one address.
	 */
	static final String RATE_LIMIT_PROPERTY = "groundgame.gateway.rate-limits.public.capacity";

	static final int RATE_LIMIT_CAPACITY = 1_000_000;

	private PagesBenchmark() {
	}

	public static void main(String[] args) throws InterruptedException {
		PagesOptions options;
		try {
			if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
				System.out.print(PagesOptions.USAGE);
				return;
			}
			options = PagesOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.print(PagesOptions.USAGE);
			System.exit(2);
			return;
		}
		PagesReport report = run(options, System.out);
		report.print(System.out);
		// The broker's and the HTTP client's threads would otherwise outlive main.
		System.exit(report.passed() ? 0 : 1);
	}

	/**
	 * Measures the gateway of the options, or starts the local platform for the run and
	 * measures its gateway, then stops it.
	 * @param options the settings
	 * @param progress where to say what is happening
	 * @return the figures
	 */
	static PagesReport run(PagesOptions options, PrintStream progress) throws InterruptedException {
		if (options.gateway() != null) {
			return measure(Machine.current(), options.gateway(), "given (--gateway)", options, progress);
		}
		boolean temporary = options.dataDirectory() == null;
		Path data = temporary ? temporaryDirectory() : emptyDirectory(options.dataDirectory());
		try (LocalPlatform platform = LocalPlatform
			.start(platformSettings(options.repository(), data, (line) -> progress.println("[platform] " + line)))) {
			String seeded = platform.demoData().isPresent() ? "demo data seeded" : "WITHOUT demo data (seeding failed)";
			// The load average once the platform has started, as the measuring begins.
			return measure(Machine.current(), platform.gateway(),
					"the local platform, started for this run (every service its own JVM from its module's jar, with"
							+ " the launcher's JVM options; broker and store in this JVM; " + seeded + "; "
							+ RATE_LIMIT_PROPERTY + "=" + RATE_LIMIT_CAPACITY + ")",
					options, progress);
		}
		finally {
			if (temporary) {
				delete(data);
			}
			else {
				progress.println("[platform] data and logs kept in " + data.toAbsolutePath());
			}
		}
	}

	/**
	 * How the benchmark starts the local platform: as the end-to-end tests do (free ports
	 * on 127.0.0.1, its own data folder, so its own key-encryption key and credentials,
	 * made on the first start and thrown away with the folder), with demo data, and with
	 * the gateway's public rate limit raised through a system property on the services'
	 * command line (the launcher's settings come after it and do not name it).
	 * @param repository the checkout with the service jars
	 * @param data the data folder, thrown away afterwards
	 * @param output where the platform says what it does
	 * @return the settings
	 */
	static Settings platformSettings(Path repository, Path data, Consumer<String> output) {
		List<String> jvmOptions = new ArrayList<>(Settings.DEFAULT_SERVICE_JVM_OPTIONS);
		jvmOptions.add("-D" + RATE_LIMIT_PROPERTY + "=" + RATE_LIMIT_CAPACITY);
		return Settings.defaults(repository)
			.withDataDirectory(data)
			.withFreePorts()
			.withDemoData(true)
			.withServiceJvmOptions(jvmOptions)
			.withStartupTimeout(Duration.ofMinutes(5))
			.withStopTimeout(Duration.ofSeconds(15))
			.withOutput(output);
	}

	/**
	 * Measures the static file, then each page, one after the other, through one gateway.
	 * @param machine what it runs on
	 * @param gateway the gateway's address
	 * @param target what the gateway is, for the report
	 * @param options the schedule
	 * @param progress where to say what is happening
	 * @return the figures
	 */
	static PagesReport measure(Machine machine, URI gateway, String target, PagesOptions options, PrintStream progress)
			throws InterruptedException {
		progress.println("Measuring " + gateway + " (" + target + ")");
		FixedRateRun run = new FixedRateRun(options.schedule(), progress, "request");
		List<PagesReport.Measured> measured = new ArrayList<>();
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		try {
			for (Page page : Stream.concat(Stream.of(STATIC_FILE), PAGES.stream()).toList()) {
				GatewayGetPath.Answers answers = new GatewayGetPath.Answers();
				URI uri = gateway.resolve(page.path());
				PathResult result = run.run(page.name(),
						(completions) -> new GatewayGetPath(client, uri, completions, answers));
				measured.add(new PagesReport.Measured(page, result, answers));
			}
		}
		finally {
			client.close();
		}
		return new PagesReport(machine, gateway, target, options.schedule(), measured);
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("groundgame-pages-benchmark-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path emptyDirectory(Path directory) {
		try {
			Files.createDirectories(directory);
			try (Stream<Path> entries = Files.list(directory)) {
				if (entries.findAny().isPresent()) {
					throw new IllegalArgumentException("--data-dir " + directory
							+ " is not empty: the benchmark starts from a platform of its own, with demo data only");
				}
			}
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void delete(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			System.err.println("Could not remove " + directory + ": " + ex.getMessage());
		}
	}

	/**
	 * One thing to get through the gateway.
	 *
	 * @param name its name in the report
	 * @param path its path on the gateway
	 */
	record Page(String name, String path) {
	}

}
