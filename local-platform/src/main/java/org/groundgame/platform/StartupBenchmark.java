package org.groundgame.platform;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Start-up, memory and request latency of the whole local platform under the JVM settings
 * before issue 19 (C1 only, no AOT cache), the launcher's settings now (C1, a small
 * initial heap, each service's AOT cache) and the same with full tiered compilation (C2),
 * side by side in one run on one machine:
 *
 * <pre>
 * java -cp local-platform/target/local-platform.jar org.groundgame.platform.StartupBenchmark [--seconds 20]
 * java -cp local-platform/target/local-platform.jar org.groundgame.platform.StartupBenchmark --with -XX:MaxNewSize=32m
 * </pre>
 *
 * With {@code --with <option>} (repeatable) it measures the launcher's settings now
 * beside the same with those options added.
 *
 * For each setting, in its own data folder under {@code target/startup-benchmark} (kept,
 * so that a second run reuses the extractions, the demo data and the caches): a first
 * start, not measured, extracts the jars, seeds the demo data and makes the AOT caches;
 * then the measured start: each process's time to ready when all start together, the
 * first request through the gateway right after and the next one
 * ({@code GET /api/chapters?state=MO}, a route the launcher's {@link FirstRequests} took
 * before it said ready), the first and second of a route they did not take
 * ({@code GET /api/races?state=MO}), the demo seed, each service's resident memory after
 * it ({@code VmRSS}), each service stopped and started alone while the rest run, and a
 * closed loop of 16 clients on {@code GET /api/chapters?state=MO} through the gateway
 * (warm-up, then the measured seconds). The machine's load is printed with the table: the
 * figures of a busy machine are only comparable within the run.
 */
public final class StartupBenchmark {

	static final String RATE_LIMIT_OPTION = "-Dgroundgame.gateway.rate-limits.public.capacity=1000000";

	private static final int CLIENTS = 16;

	/** The JVM options of the launcher before issue 19, for the baseline. */
	static final List<String> BEFORE_OPTIONS = List.of("-Xmx320m", "-Xss512k", "-XX:+UseSerialGC",
			"-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError", "-Xshare:auto");

	record Configuration(String name, List<String> jvmOptions, boolean aotCache) {

		String folder() {
			return this.name.replaceAll("[^a-zA-Z0-9]+", "-").replaceAll("-$", "").toLowerCase(Locale.ROOT);
		}

	}

	record Latency(int requests, double perSecond, double p50, double p99) {

	}

	record Result(Map<Service, Duration> together, Duration allReady, Duration start, Duration firstRequest,
			Duration secondRequest, Duration firstOtherRequest, Duration secondOtherRequest,
			Map<Service, Long> residentKb, Map<Service, Duration> alone, Latency latency) {

	}

	private StartupBenchmark() {
	}

	public static void main(String[] arguments) throws Exception {
		List<String> args = Arrays.asList(arguments);
		int seconds = args.contains("--seconds") ? Integer.parseInt(args.get(args.indexOf("--seconds") + 1)) : 20;
		Path repository = Path.of(args.contains("--repository") ? args.get(args.indexOf("--repository") + 1) : ".")
			.toAbsolutePath()
			.normalize();
		Path work = repository.resolve("local-platform/target/startup-benchmark");
		// The broker's and the store's logs to a file, as the launcher has them.
		System.setProperty("groundgame.platform.log-directory", work.toString());
		System.setProperty("logback.configurationFile", "org/groundgame/platform/logback-platform.xml");
		List<Configuration> configurations = configurations(args);
		double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		List<Result> results = new ArrayList<>();
		for (Configuration configuration : configurations) {
			Result result = measure(configuration, repository, work.resolve(configuration.folder()), seconds);
			results.add(result);
			// Each setting's figures as soon as they are known: a long run on a busy
			// machine
			// that is cut short still says something.
			print(List.of(configuration), List.of(result), load,
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), seconds);
		}
		print(configurations, results, load, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
				seconds);
	}

	/**
	 * Before, now and C2; or, with {@code --with <option>} (repeatable), now beside now
	 * with those JVM options added, to weigh one more option against today's.
	 */
	static List<Configuration> configurations(List<String> args) {
		Configuration now = new Configuration("now: C1, AOT cache", Settings.DEFAULT_SERVICE_JVM_OPTIONS, true);
		List<String> added = new ArrayList<>();
		for (int i = 0; i < args.size() - 1; i++) {
			if (args.get(i).equals("--with")) {
				added.add(args.get(i + 1));
			}
		}
		if (!added.isEmpty()) {
			List<String> options = new ArrayList<>(Settings.DEFAULT_SERVICE_JVM_OPTIONS);
			options.addAll(added);
			return List.of(now, new Configuration("now with " + String.join(" ", added), options, true));
		}
		List<String> c2 = new ArrayList<>(Settings.DEFAULT_SERVICE_JVM_OPTIONS);
		c2.remove("-XX:TieredStopAtLevel=1");
		return List.of(new Configuration("before: C1, no AOT cache", BEFORE_OPTIONS, false), now,
				new Configuration("C2, AOT cache", c2, true));
	}

	private static Settings settings(Configuration configuration, Path repository, Path data) {
		List<String> options = new ArrayList<>(configuration.jvmOptions());
		options.add(RATE_LIMIT_OPTION);
		return Settings.defaults(repository)
			.withDataDirectory(data)
			.withFreePorts()
			.withServiceJvmOptions(options)
			.withAotCache(configuration.aotCache())
			.withStartupTimeout(Duration.ofMinutes(10))
			.withOutput((line) -> {
			});
	}

	private static Result measure(Configuration configuration, Path repository, Path data, int seconds)
			throws IOException, InterruptedException {
		System.out.println("[" + configuration.name() + "] preparing (extraction, demo data, AOT caches) in " + data);
		Files.createDirectories(data);
		try (LocalPlatform platform = LocalPlatform.start(settings(configuration, repository, data))) {
			platform.awaitAotCaches(Duration.ofMinutes(15));
		}
		System.out.println("[" + configuration.name() + "] measuring");
		long started = System.nanoTime();
		try (LocalPlatform platform = LocalPlatform
			.start(settings(configuration, repository, data).withDemoData(false))) {
			Duration start = Duration.ofNanos(System.nanoTime() - started);
			HttpClient http = HttpClient.newHttpClient();
			URI chapters = platform.gateway().resolve("/api/chapters?state=MO");
			Duration first = timed(http, chapters);
			Duration second = timed(http, chapters);
			// A route the launcher's first requests did not take (FirstRequests).
			URI races = platform.gateway().resolve("/api/races?state=MO");
			Duration firstOther = timed(http, races);
			Duration secondOther = timed(http, races);
			platform.seedDemoData();
			Map<Service, Long> resident = new EnumMap<>(Service.class);
			for (Service service : Service.values()) {
				resident.put(service, residentKb(platform.pid(service)));
			}
			Map<Service, Duration> alone = new EnumMap<>(Service.class);
			for (Service service : Service.values()) {
				platform.stop(service);
				long t0 = System.nanoTime();
				platform.start(service);
				alone.put(service, Duration.ofNanos(System.nanoTime() - t0));
			}
			closedLoop(http, chapters, Duration.ofSeconds(Math.max(5, seconds / 2)));
			Latency latency = closedLoop(http, chapters, Duration.ofSeconds(seconds));
			Map<Service, Duration> together = platform.readyIn();
			Duration allReady = together.values().stream().max(Duration::compareTo).orElseThrow();
			return new Result(together, allReady, start, first, second, firstOther, secondOther, resident, alone,
					latency);
		}
	}

	private static Duration timed(HttpClient http, URI uri) throws IOException, InterruptedException {
		long t0 = System.nanoTime();
		HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.discarding());
		Duration took = Duration.ofNanos(System.nanoTime() - t0);
		if (response.statusCode() != 200) {
			System.out.println("  " + uri + " answered " + response.statusCode() + " after " + millis(took));
		}
		return took;
	}

	/**
	 * {@value #CLIENTS} clients, each sending its next request once the last is answered.
	 */
	private static Latency closedLoop(HttpClient http, URI uri, Duration length) throws InterruptedException {
		long end = System.nanoTime() + length.toNanos();
		List<long[]> recorded = new ArrayList<>();
		AtomicInteger failures = new AtomicInteger();
		List<Thread> clients = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			long[] latencies = new long[1 << 20];
			recorded.add(latencies);
			clients.add(Thread.ofPlatform().start(() -> {
				int n = 0;
				HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build();
				while (System.nanoTime() < end && n < latencies.length - 1) {
					long t0 = System.nanoTime();
					try {
						if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
							failures.incrementAndGet();
						}
					}
					catch (IOException ex) {
						failures.incrementAndGet();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
					latencies[++n] = System.nanoTime() - t0;
				}
				latencies[0] = n;
			}));
		}
		for (Thread client : clients) {
			client.join();
		}
		long[] all = recorded.stream()
			.flatMapToLong((latencies) -> Arrays.stream(latencies, 1, (int) latencies[0] + 1))
			.sorted()
			.toArray();
		if (failures.get() > 0) {
			System.out.println("  " + failures.get() + " requests failed");
		}
		if (all.length == 0) {
			return new Latency(0, 0, 0, 0);
		}
		return new Latency(all.length, all.length / (double) length.toSeconds(), all[(int) (all.length * 0.50)] / 1e6,
				all[Math.min(all.length - 1, (int) (all.length * 0.99))] / 1e6);
	}

	private static long residentKb(long pid) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", ""));
			}
		}
		return -1;
	}

	private static void print(List<Configuration> configurations, List<Result> results, double loadBefore,
			double loadAfter, int seconds) {
		StringBuilder table = new StringBuilder();
		table.append(String.format(Locale.ROOT,
				"%nLocal platform start-up and memory: %d cores, Java %s, "
						+ "1-minute load %.1f at the start, %.1f at the end%n%n",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadBefore, loadAfter));
		row(table, "", configurations.stream().map(Configuration::name).toList());
		row(table, "all ready (7 together)", results, (result) -> seconds(result.allReady()));
		row(table, "start() with broker, store", results, (result) -> seconds(result.start()));
		for (Service service : Service.values()) {
			row(table, "  " + service + " together", results, (result) -> seconds(result.together().get(service)));
		}
		for (Service service : Service.values()) {
			row(table, "  " + service + " alone", results, (result) -> seconds(result.alone().get(service)));
		}
		for (Service service : Service.values()) {
			row(table, "  " + service + " RSS", results,
					(result) -> String.format(Locale.ROOT, "%d MB", result.residentKb().get(service) / 1024));
		}
		row(table, "RSS of the 7 after the seed", results, (result) -> String.format(Locale.ROOT, "%d MB",
				result.residentKb().values().stream().mapToLong(Long::longValue).sum() / 1024));
		row(table, "1st request after ready", results, (result) -> millis(result.firstRequest()));
		row(table, "2nd request", results, (result) -> millis(result.secondRequest()));
		row(table, "1st request, route not warmed", results, (result) -> millis(result.firstOtherRequest()));
		row(table, "2nd request, route not warmed", results, (result) -> millis(result.secondOtherRequest()));
		row(table, CLIENTS + " clients, " + seconds + " s: req/s", results,
				(result) -> String.format(Locale.ROOT, "%.0f", result.latency().perSecond()));
		row(table, "  p50", results, (result) -> String.format(Locale.ROOT, "%.1f ms", result.latency().p50()));
		row(table, "  p99", results, (result) -> String.format(Locale.ROOT, "%.1f ms", result.latency().p99()));
		System.out.println(table);
	}

	private static void row(StringBuilder table, String label, List<Result> results, Function<Result, String> cell) {
		row(table, label, results.stream().map(cell).toList());
	}

	private static void row(StringBuilder table, String label, List<String> cells) {
		table.append(String.format(Locale.ROOT, "%-36s", label));
		for (String cell : cells) {
			table.append(String.format(Locale.ROOT, " | %26s", cell));
		}
		table.append(System.lineSeparator());
	}

	private static String seconds(Duration duration) {
		return LocalPlatform.seconds(duration);
	}

	private static String millis(Duration duration) {
		return String.format(Locale.ROOT, "%.0f ms", duration.toNanos() / 1e6);
	}

}
