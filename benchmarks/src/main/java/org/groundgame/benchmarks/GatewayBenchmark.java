package org.groundgame.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.groundgame.benchmarks.gateway.ClosedLoop;
import org.groundgame.benchmarks.gateway.ProcessCpu;
import org.groundgame.benchmarks.gateway.SecondGateway;
import org.groundgame.benchmarks.pages.GatewayGetPath;
import org.groundgame.platform.LocalPlatform;
import org.groundgame.platform.PlatformCredentials;
import org.groundgame.platform.Service;
import org.groundgame.platform.Settings;

/**
 * What the gateway costs: the same request sent directly to the service and through the
 * gateway, side by side in one run, first at a fixed rate below saturation (latency, open
 * loop, coordinated omission corrected), then with a fixed number of connections each
 * sending as fast as it is answered (throughput at saturation). The direct figures are
 * the baseline. Starts the whole local platform for the run (as the pages benchmark does)
 * or measures a running one. See the module's README.
 */
public final class GatewayBenchmark {

	static final String DIRECT = "direct (service)";

	static final String GATEWAY = "gateway";

	static final String COMPARE = "gateway (compare)";

	/**
	 * The gateway's rate limits, raised for the run: every request of the benchmark comes
	 * from one address, with one client's token.
	 */
	static final List<String> RATE_LIMIT_PROPERTIES = List.of("groundgame.gateway.rate-limits.public.capacity",
			"groundgame.gateway.rate-limits.client.capacity");

	private GatewayBenchmark() {
	}

	public static void main(String[] args) throws InterruptedException {
		GatewayOptions options;
		try {
			if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
				System.out.print(GatewayOptions.USAGE);
				return;
			}
			options = GatewayOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.print(GatewayOptions.USAGE);
			System.exit(2);
			return;
		}
		GatewayReport report = run(options, System.out);
		report.print(System.out);
		System.exit(report.passed() ? 0 : 1);
	}

	static GatewayReport run(GatewayOptions options, PrintStream progress) throws InterruptedException {
		if (options.gateway() != null) {
			List<Target> targets = new ArrayList<>();
			targets.add(new Target(DIRECT, options.direct(), pids(options, "direct")));
			targets.add(new Target(GATEWAY, options.gateway(), pids(options, "gateway", "direct")));
			if (options.compare() != null) {
				targets.add(new Target(COMPARE, options.compare(), pids(options, "compare", "direct")));
			}
			Tokens tokens = (options.clientId() != null)
					? new Tokens(options.gateway(), options.clientId(), options.clientSecret()) : null;
			return measure(Machine.current(), "given (--gateway, --direct)", targets, tokens, options, progress);
		}
		boolean temporary = options.dataDirectory() == null;
		Path data = temporary ? temporaryDirectory() : options.dataDirectory();
		try (LocalPlatform platform = LocalPlatform.start(platformSettings(options.repository(), data,
				options.fullJit(), (line) -> progress.println("[platform] " + line)))) {
			Map<String, Long> direct = Map.of("service", platform.pid(Service.VOLUNTEER));
			List<Target> targets = new ArrayList<>();
			targets.add(new Target(DIRECT, platform.uri(Service.VOLUNTEER), direct));
			targets.add(new Target(GATEWAY, platform.gateway(), gatewayAnd(platform.pid(Service.GATEWAY), direct)));
			PlatformCredentials.Client staff = platform.credentials().staff();
			Tokens tokens = options.anonymous() ? null
					: new Tokens(platform.gateway(), staff.clientId(), staff.secret());
			String description = "the local platform, started for this run (every service its own JVM from its"
					+ " module's jar, with the launcher's JVM options; broker and store in the benchmark's JVM; demo"
					+ " data; rate limits raised"
					+ (options.fullJit() ? "; WITHOUT -XX:TieredStopAtLevel=1 (--full-jit)" : "") + ")";
			if (options.compareJar() == null) {
				return measure(Machine.current(), description, targets, tokens, options, progress);
			}
			progress.println("[platform] starting a second gateway from " + options.compareJar());
			try (SecondGateway second = SecondGateway.start(
					ProcessHandle.of(platform.pid(Service.GATEWAY)).orElseThrow(), options.compareJar(),
					data.resolve("compare-gateway.log"), Duration.ofMinutes(5))) {
				targets.add(new Target(COMPARE, second.uri(), gatewayAnd(second.pid(), direct)));
				return measure(Machine.current(),
						description + "; the compare gateway: " + options.compareJar()
								+ ", with the platform gateway's command line on another port",
						targets, tokens, options, progress);
			}
		}
		finally {
			if (temporary) {
				PagesBenchmark.delete(data);
			}
		}
	}

	private static Map<String, Long> gatewayAnd(long gatewayPid, Map<String, Long> direct) {
		Map<String, Long> processes = new LinkedHashMap<>();
		processes.put("gateway", gatewayPid);
		processes.putAll(direct);
		return processes;
	}

	private static Map<String, Long> pids(GatewayOptions options, String... names) {
		Map<String, Long> pids = new LinkedHashMap<>();
		for (String name : names) {
			Long pid = options.pids().get(name);
			if (pid != null) {
				pids.put(name.equals("direct") ? "service" : "gateway", pid);
			}
		}
		return pids;
	}

	static Settings platformSettings(Path repository, Path data, Consumer<String> output) {
		return platformSettings(repository, data, false, output);
	}

	/**
	 * How the benchmark starts the local platform: as the pages benchmark does, with both
	 * of the gateway's rate limits raised.
	 * @param repository the checkout with the service jars
	 * @param data the data folder
	 * @param fullJit without the launcher's {@code -XX:TieredStopAtLevel=1}
	 * @param output where the platform says what it does
	 * @return the settings
	 */
	static Settings platformSettings(Path repository, Path data, boolean fullJit, Consumer<String> output) {
		List<String> jvmOptions = new ArrayList<>(Settings.DEFAULT_SERVICE_JVM_OPTIONS);
		if (fullJit) {
			jvmOptions.removeIf((option) -> option.startsWith("-XX:TieredStopAtLevel="));
		}
		for (String property : RATE_LIMIT_PROPERTIES) {
			jvmOptions.add("-D" + property + "=" + PagesBenchmark.RATE_LIMIT_CAPACITY);
		}
		return Settings.defaults(repository)
			.withDataDirectory(data)
			.withFreePorts()
			.withDemoData(true)
			.withServiceJvmOptions(jvmOptions)
			.withStartupTimeout(Duration.ofMinutes(10))
			.withStopTimeout(Duration.ofSeconds(15))
			.withOutput(output);
	}

	/**
	 * Measures each target at the fixed rate, then each at saturation, one after the
	 * other.
	 */
	static GatewayReport measure(Machine machine, String platform, List<Target> targets, Tokens tokens,
			GatewayOptions options, PrintStream progress) throws InterruptedException {
		progress.println("Measuring " + options.path() + ": " + targets);
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		FixedRateRun run = new FixedRateRun(options.schedule(), progress, "request");
		List<GatewayReport.Measured> measured = new ArrayList<>();
		try {
			for (Target target : targets) {
				GatewayGetPath.Answers answers = new GatewayGetPath.Answers();
				HttpRequest request = request(target, options, tokens);
				PathResult fixed = run.run(target.name(),
						(completions) -> new GatewayGetPath(client, request, completions, answers));
				measured.add(new GatewayReport.Measured(target, fixed, null, answers));
			}
			ClosedLoop loop = new ClosedLoop(client, options.connections());
			for (int i = 0; i < targets.size(); i++) {
				Target target = targets.get(i);
				progress.printf("%s: saturating with %d connections for %d s (after %d s of warm-up)%n", target.name(),
						options.connections(), options.saturation().toSeconds(),
						options.saturation().dividedBy(4).toSeconds());
				GatewayReport.Measured fixed = measured.get(i);
				ClosedLoop.Result saturated = loop.run(request(target, options, tokens),
						options.saturation().dividedBy(4), options.saturation(), fixed.answers(),
						new ProcessCpu(target.processes()));
				measured.set(i, new GatewayReport.Measured(target, fixed.fixedRate(), saturated, fixed.answers()));
			}
		}
		finally {
			client.close();
		}
		String auth = (tokens != null) ? "Authorization: Bearer <" + tokens.clientId + "'s token>" : "no token";
		return new GatewayReport(machine, platform, options, auth, measured);
	}

	private static HttpRequest request(Target target, GatewayOptions options, Tokens tokens) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.base() + options.path()))
			.GET()
			.header("Accept", "application/json")
			.timeout(GatewayGetPath.TIMEOUT);
		if (tokens != null) {
			// A fresh token per phase: one run lasts longer than a token.
			request.header("Authorization", "Bearer " + tokens.fetch());
		}
		return request.build();
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("groundgame-gateway-benchmark-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One way to the service.
	 *
	 * @param name its name in the report
	 * @param base the address requests go to
	 * @param processes the processes the request runs through, by their part ("gateway",
	 * "service"), whose CPU time is measured
	 */
	record Target(String name, URI base, Map<String, Long> processes) {

		@Override
		public String toString() {
			return this.name + " " + this.base;
		}

	}

	/** Access tokens from the platform's token endpoint for one client's credentials. */
	static final class Tokens {

		private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

		private final URI gateway;

		private final String clientId;

		private final String secret;

		Tokens(URI gateway, String clientId, String secret) {
			this.gateway = gateway;
			this.clientId = clientId;
			this.secret = secret;
		}

		String fetch() {
			String basic = Base64.getEncoder()
				.encodeToString((encode(this.clientId) + ":" + encode(this.secret)).getBytes(StandardCharsets.UTF_8));
			try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
				HttpResponse<String> answer = client.send(HttpRequest.newBuilder(this.gateway.resolve("/oauth2/token"))
					.timeout(Duration.ofSeconds(30))
					.header("Accept", "application/json")
					.header("Authorization", "Basic " + basic)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
					.build(), HttpResponse.BodyHandlers.ofString());
				Matcher token = ACCESS_TOKEN.matcher(answer.body());
				if (answer.statusCode() != 200 || !token.find()) {
					throw new IllegalStateException(
							"The token endpoint answered " + answer.statusCode() + " for client " + this.clientId);
				}
				return token.group(1);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

}
