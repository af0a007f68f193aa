package org.groundgame.platform;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.groundgame.infrastructure.embedded.EmbeddedKafka;
import org.groundgame.infrastructure.embedded.EmbeddedMongo;
import org.groundgame.infrastructure.embedded.PortInUseException;

/**
 * The whole of Ground Game on one machine with nothing but a JDK: the in-process Kafka
 * broker (KRaft) and MongoDB-wire store, with their data under one folder so that a
 * restart keeps it, and the four services and the gateway, each its own JVM, supervised
 * (restarted if one dies). {@link #main(String[])} is the README's run command;
 * {@link #start(Settings)} is the same platform for the end-to-end tests.
 */
public final class LocalPlatform implements AutoCloseable {

	private static final int LOG_TAIL_LINES = 40;

	/** The longest wait for the first requests' answers, all together. */
	private static final Duration FIRST_REQUESTS_TIMEOUT = Duration.ofSeconds(10);

	private final Settings settings;

	private final Consumer<String> output;

	private final ScheduledExecutorService scheduler;

	/** Every service's (first) process, once all are created; empty before. */
	private volatile Map<Service, ServiceProcess> processes = Map.of();

	/** The second instance of each service in the cluster's shape; empty otherwise. */
	private volatile Map<Service, ServiceProcess> secondInstances = Map.of();

	/** The second instances' ports, chosen before any process is created. */
	private Map<Service, Integer> secondPorts = Map.of();

	private final CountDownLatch closedLatch = new CountDownLatch(1);

	private FileChannel lockChannel;

	private FileLock lock;

	private volatile EmbeddedMongo mongo;

	private volatile EmbeddedKafka kafka;

	/** The three Kafka nodes of the cluster's shape, instead of {@link #kafka}. */
	private volatile BrokerCluster brokers;

	private volatile MailCatcher mailCatcher;

	private volatile Mailbox mailbox;

	private DemoData.Seeded demoData;

	private Map<String, PlatformCredentials.Client> demoOrganizers = Map.of();

	private PlatformCredentials credentials;

	private boolean closing;

	/** Each service's AOT cache, when the settings ask for them and the JDK has them. */
	private final Map<Service, AotCache> aotCaches = new EnumMap<>(Service.class);

	/** Done once every missing AOT cache was made (or could not be). */
	private final CompletableFuture<Void> aotTraining = new CompletableFuture<>();

	/** How long each process took to become ready at start-up. */
	private final Map<Service, Duration> readyIn = Collections.synchronizedMap(new EnumMap<>(Service.class));

	/** The training run under way, killed if the platform stops meanwhile. */
	private volatile AotCache.Training training;

	private LocalPlatform(Settings settings) {
		this.settings = settings;
		this.output = settings.output();
		// Per process: a restart waiting for it to be ready, and its liveness probe.
		this.scheduler = Executors.newScheduledThreadPool(2 * Service.values().length,
				Thread.ofPlatform().daemon().name("platform-supervisor-", 1).factory());
	}

	/**
	 * The README's run command ({@code ./run-local.sh}); {@code --help} lists the
	 * options.
	 * @param arguments the command line
	 */
	public static void main(String[] arguments) {
		System.exit(new Launcher(System.out, System.err).run(arguments));
	}

	/**
	 * Starts the platform and returns once every service and the gateway are ready and
	 * the demo data (if asked for) is seeded.
	 * @param settings what to run and where
	 * @return the running platform; {@link #close()} stops all of it
	 * @throws PlatformStartException if it cannot start, saying why (a port in use, a
	 * missing jar, a service that died while starting, with the end of its log)
	 */
	public static LocalPlatform start(Settings settings) {
		LocalPlatform platform = new LocalPlatform(settings);
		platform.startOrClose();
		return platform;
	}

	/**
	 * A platform not started yet, so that a launcher can be ready to stop it (Ctrl-C)
	 * while it starts.
	 */
	static LocalPlatform create(Settings settings) {
		return new LocalPlatform(settings);
	}

	void startOrClose() {
		try {
			startAll();
		}
		catch (RuntimeException | Error ex) {
			close();
			throw ex;
		}
	}

	Settings settings() {
		return this.settings;
	}

	/**
	 * The gateway, the platform's single entry point.
	 * @return e.g. {@code http://127.0.0.1:8080}
	 */
	public URI gateway() {
		return uri(Service.GATEWAY);
	}

	/**
	 * Where a service (or the gateway) answers directly, bypassing the gateway.
	 * @param service the service
	 * @return e.g. {@code http://127.0.0.1:8081}
	 */
	public URI uri(Service service) {
		return process(service).uri();
	}

	public String kafkaBootstrapServers() {
		BrokerCluster cluster = this.brokers;
		return (cluster != null) ? cluster.bootstrapServers() : this.kafka.bootstrapServers();
	}

	/**
	 * Where each instance of a service answers directly, bypassing the gateway.
	 * @param service the service
	 * @return one address, or two in the cluster's shape (the first is
	 * {@link #uri(Service)})
	 */
	public List<URI> instances(Service service) {
		List<URI> uris = new ArrayList<>();
		uris.add(uri(service));
		ServiceProcess second = this.secondInstances.get(service);
		if (second != null) {
			uris.add(second.uri());
		}
		return List.copyOf(uris);
	}

	/**
	 * Kills one instance of a service at once, like {@code kill -9}, and returns when it
	 * is gone; the supervisor restarts it.
	 * @param service the service
	 * @param instance 1, or 2 in the cluster's shape
	 */
	public void kill(Service service, int instance) {
		instance(service, instance).kill();
	}

	/**
	 * The operating system's id of one instance's current process.
	 * @param service the service
	 * @param instance 1, or 2 in the cluster's shape
	 * @return its pid, or -1 if it has none
	 */
	public long pid(Service service, int instance) {
		return instance(service, instance).pid();
	}

	/**
	 * Waits until one instance of a service answers its readiness probe.
	 * @param service the service
	 * @param instance 1, or 2 in the cluster's shape
	 * @param timeout how long to wait
	 */
	public void awaitHealthy(Service service, int instance, Duration timeout) {
		instance(service, instance).awaitReady(timeout);
	}

	/**
	 * Kills one Kafka node of the cluster's shape at once, like {@code kill -9}; its
	 * supervisor starts it again.
	 * @param node 1 to 3
	 */
	public void killKafkaNode(int node) {
		cluster().kill(node);
	}

	/**
	 * The operating system's id of a Kafka node of the cluster's shape.
	 * @param node 1 to 3
	 * @return its pid, or -1 while it has none
	 */
	public long kafkaNodePid(int node) {
		return cluster().pid(node);
	}

	/**
	 * Waits until the Kafka cluster has a number of live brokers.
	 * @param brokers how many, at most 3
	 * @param timeout how long to wait
	 */
	public void awaitKafkaBrokers(int brokers, Duration timeout) {
		cluster().awaitBrokers(brokers, timeout);
	}

	private BrokerCluster cluster() {
		BrokerCluster cluster = this.brokers;
		if (cluster == null) {
			throw new IllegalStateException("This platform runs one Kafka broker: start it with --cluster for three");
		}
		return cluster;
	}

	private ServiceProcess instance(Service service, int instance) {
		if (instance == 1) {
			return process(service);
		}
		ServiceProcess second = this.secondInstances.get(service);
		if (instance != 2 || second == null) {
			throw new IllegalArgumentException(service + " has no instance " + instance + " on this platform");
		}
		return second;
	}

	/** Every process: each service's first instance, then the second ones. */
	private List<ServiceProcess> allProcesses() {
		List<ServiceProcess> all = new ArrayList<>(this.processes.values());
		all.addAll(this.secondInstances.values());
		return all;
	}

	public String mongoConnectionString() {
		return this.mongo.connectionString();
	}

	/**
	 * The mail catcher's SMTP port on 127.0.0.1, where the notification-service sends its
	 * e-mails.
	 * @return the port
	 */
	public int smtpPort() {
		return this.mailCatcher.smtpPort();
	}

	/**
	 * The mailbox, where the e-mails the platform sent can be read: a page at {@code /},
	 * JSON at {@code /api/messages}.
	 * @return e.g. {@code http://127.0.0.1:8025}
	 */
	public URI mailbox() {
		return this.mailbox.uri();
	}

	public Path dataDirectory() {
		return this.settings.dataDirectory();
	}

	public Path logFile(Service service) {
		return process(service).logFile();
	}

	/**
	 * The operating system's id of a service's current process.
	 * @param service the service
	 * @return its pid, or -1 if it has none
	 */
	public long pid(Service service) {
		return process(service).pid();
	}

	/**
	 * How often the supervisor has restarted a service since the platform started.
	 * @param service the service
	 * @return the number of restarts
	 */
	public int restarts(Service service) {
		return process(service).restarts();
	}

	/**
	 * Kills a service's process at once, like {@code kill -9}, and returns when it is
	 * gone. The supervisor restarts it, as it would after a crash.
	 * @param service the service to kill
	 */
	public void kill(Service service) {
		process(service).kill();
	}

	/**
	 * Stops a service gracefully; it stays down until {@link #start(Service)}.
	 * @param service the service to stop
	 */
	public void stop(Service service) {
		process(service).stop(this.settings.stopTimeout());
	}

	/**
	 * Starts a service stopped by {@link #stop(Service)}, waits until it is ready, and
	 * supervises it again. Does nothing to a service that is running.
	 * @param service the service to start
	 */
	public void start(Service service) {
		ServiceProcess process = process(service);
		process.start(false);
		process.supervise();
		process.awaitReady(this.settings.startupTimeout());
	}

	/**
	 * Waits until a service answers its readiness probe, through a restart if the
	 * supervisor is bringing it back.
	 * @param service the service
	 * @param timeout how long to wait
	 * @throws PlatformStartException if it is not ready in time
	 */
	public void awaitHealthy(Service service, Duration timeout) {
		process(service).awaitReady(timeout);
	}

	public void awaitHealthy(Service service) {
		awaitHealthy(service, this.settings.startupTimeout());
	}

	/** Waits until every service and the gateway are ready. */
	public void awaitAllHealthy() {
		for (Service service : Service.values()) {
			awaitHealthy(service);
		}
	}

	/**
	 * Whether a service answers its readiness probe now.
	 * @param service the service
	 * @return {@code true} if it is ready
	 */
	public boolean isHealthy(Service service) {
		return process(service).isReady();
	}

	/**
	 * Adds the demo data that is missing, through the gateway.
	 * @return the demo chapters and nominations
	 */
	public DemoData.Seeded seedDemoData() {
		DemoData.Seeded seeded = DemoData.seed(gateway(), credentials());
		JsonHttp anonymous = new JsonHttp(gateway(), Duration.ofSeconds(15));
		PlatformCredentials.Client staff = credentials().staff();
		Map<String, PlatformCredentials.Client> organizers = new DemoOrganizers(gateway(),
				anonymous.as(anonymous.clientCredentialsToken(staff.clientId(), staff.secret())), credentials(),
				this.mailCatcher)
			.seed(seeded.chapterIds());
		synchronized (this) {
			this.demoData = seeded;
			this.demoOrganizers = Map.copyOf(organizers);
		}
		return seeded;
	}

	/**
	 * The demo chapters' organizers, who sign in to the console.
	 * @return each one's e-mail address (as {@code clientId}) and password by the
	 * chapter's city; empty if no demo data was seeded
	 */
	public synchronized Map<String, PlatformCredentials.Client> demoOrganizers() {
		return this.demoOrganizers;
	}

	/**
	 * The demo data seeded at start-up.
	 * @return the demo data, or empty if none was seeded
	 */
	public synchronized Optional<DemoData.Seeded> demoData() {
		return Optional.ofNullable(this.demoData);
	}

	/**
	 * Stops everything: the gateway and the services first (gracefully, forcibly after
	 * the stop timeout), then the broker and the store. Safe to call more than once.
	 */
	@Override
	public void close() {
		synchronized (this) {
			if (this.closing) {
				return;
			}
			this.closing = true;
		}
		try {
			AotCache.Training running = this.training;
			if (running != null) {
				running.kill();
			}
			stopProcesses();
			closeQuietly(this.mailbox);
			closeQuietly(this.mailCatcher);
			closeQuietly(this.kafka);
			closeQuietly(this.brokers);
			closeQuietly(this.mongo);
		}
		finally {
			this.scheduler.shutdownNow();
			releaseLock();
			this.closedLatch.countDown();
		}
	}

	/**
	 * Empties the data folder of an earlier platform for a fresh start, except its pid
	 * files: with them the next start stops any service process that a killed run (a test
	 * JVM, say) left behind.
	 * @param directory the data folder; nothing happens if it does not exist
	 */
	public static void emptyDataDirectoryExceptPidFiles(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		Path pids = directory.resolve("pids");
		try (java.util.stream.Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(java.util.Comparator.reverseOrder())
				.filter((path) -> !path.equals(directory) && !path.startsWith(pids))
				.forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException("Could not empty " + directory, ex);
		}
	}

	/**
	 * Waits until {@link #close()} has finished, from another thread.
	 * @throws InterruptedException if interrupted meanwhile
	 */
	public void awaitClosed() throws InterruptedException {
		this.closedLatch.await();
	}

	private void startAll() {
		long started = System.nanoTime();
		Path dataDirectory = this.settings.dataDirectory();
		requireJars();
		lockDataDirectory(dataDirectory);
		stopLeftoverProcesses();
		PortCheck.requireFree(this.settings, PortCheck::isAvailable);
		Map<Service, Integer> ports = choosePorts();
		Map<Service, Path> jars = extractJars();
		this.output.accept("Starting Ground Game with its data in " + dataDirectory);
		startStore(dataDirectory.resolve("mongodb").resolve("groundgame.mv"));
		if (this.settings.cluster()) {
			startBrokerCluster(dataDirectory.resolve("kafka-cluster"));
		}
		else {
			startBroker(dataDirectory.resolve("kafka"));
		}
		startMail();
		this.secondPorts = chooseSecondPorts(ports);
		Map<Service, ServiceProcess> created = new EnumMap<>(Service.class);
		Map<Service, ServiceProcess> seconds = new EnumMap<>(Service.class);
		for (Service service : Service.values()) {
			created.put(service, newProcess(service, 1, ports.get(service), jars.get(service), ports));
			if (this.secondPorts.containsKey(service)) {
				seconds.put(service, newProcess(service, 2, this.secondPorts.get(service), jars.get(service), ports));
			}
		}
		this.processes = Collections.unmodifiableMap(created);
		this.secondInstances = Collections.unmodifiableMap(seconds);
		requireNotClosing();
		this.output.accept("Starting "
				+ String.join(", ",
						allProcesses().stream().map((process) -> process.name() + " (" + process.port() + ")").toList())
				+ "; logs in " + this.settings.logDirectory());
		allProcesses().forEach((process) -> process.start(true));
		awaitAllReady(started);
		requireNotClosing();
		allProcesses().forEach(ServiceProcess::supervise);
		sendFirstRequests();
		this.output.accept("All services ready in " + seconds(Duration.ofNanos(System.nanoTime() - started)));
		if (this.settings.seedDemoData()) {
			seedAtStartup();
		}
		makeMissingAotCaches();
	}

	/**
	 * Each service's first request, through the gateway, before the platform is said to
	 * be ready ({@link FirstRequests}).
	 */
	private void sendFirstRequests() {
		long started = System.nanoTime();
		List<String> outcomes = FirstRequests.send(gateway(), credentials().staff(), FIRST_REQUESTS_TIMEOUT);
		this.output.accept("First requests through the gateway in "
				+ seconds(Duration.ofNanos(System.nanoTime() - started)) + ": " + String.join(", ", outcomes));
	}

	/**
	 * Makes, in the background and one at a time (the machine has just started seven
	 * JVMs, and someone may be trying the platform out), the AOT cache of every service
	 * that has none yet: after the first start of a build, so that the next start is
	 * faster (see {@link AotCache}). A cache not finished when the platform stops is made
	 * at the next start.
	 */
	private void makeMissingAotCaches() {
		List<Service> missing = this.aotCaches.entrySet()
			.stream()
			.filter((entry) -> !entry.getValue().exists())
			.map(Map.Entry::getKey)
			.toList();
		if (missing.isEmpty()) {
			this.aotTraining.complete(null);
			return;
		}
		Path logs = this.settings.logDirectory().resolve("aot-training");
		this.output.accept("Making the start-up cache (the JDK's AOT cache) of "
				+ String.join(", ", missing.stream().map(Service::moduleName).toList())
				+ " in the background, one at a time, for the next start (logs in " + logs + ")");
		Thread.ofPlatform().daemon().name("aot-training").start(() -> {
			try {
				for (Service service : missing) {
					if (!train(service, logs.resolve(service.moduleName() + ".log"))) {
						return;
					}
				}
				this.output.accept("Start-up caches made: the next start of the platform uses them");
			}
			finally {
				this.aotTraining.complete(null);
			}
		});
	}

	/** One training run; {@code false} if the platform is stopping. */
	private boolean train(Service service, Path log) {
		long started = System.nanoTime();
		ServiceProcess process = this.processes.get(service);
		AotCache cache = this.aotCaches.get(service);
		try {
			synchronized (this) {
				if (this.closing) {
					return false;
				}
				this.training = cache.train(process.command(), process.workingDirectory(), log);
			}
			boolean made = this.training.complete(this.settings.startupTimeout());
			synchronized (this) {
				if (this.closing) {
					return false;
				}
			}
			this.output.accept(made
					? "Start-up cache of " + service + " made in "
							+ seconds(Duration.ofNanos(System.nanoTime() - started))
					: "Could not make the start-up cache of " + service + " (see " + log + "): it starts without one");
			return true;
		}
		catch (IOException ex) {
			this.output.accept("Could not make the start-up cache of " + service + ": " + ex.getMessage());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		finally {
			this.training = null;
		}
	}

	/**
	 * Makes one service's AOT cache without the platform: a training run of its extracted
	 * jar against an in-process store, broker and mail catcher started for it (its
	 * context's refresh creates the collections' indexes), with the JVM options of the
	 * environment ({@code JAVA_TOOL_OPTIONS}). The Dockerfile's build does this on the
	 * image's own JRE and paths, which the cache is bound to.
	 * @param service the service
	 * @param jar its extracted jar, where it runs from
	 * @param cacheFile where the cache goes
	 * @param dataDirectory a folder for the store, the broker and the training run's log
	 * @param output where progress is told
	 * @return whether the cache was made
	 * @throws InterruptedException if interrupted meanwhile
	 */
	static boolean makeAotCache(Service service, Path jar, Path cacheFile, Path dataDirectory, Consumer<String> output)
			throws InterruptedException {
		Settings settings = Settings.defaults(dataDirectory)
			.withDataDirectory(dataDirectory)
			.withFreePorts()
			.withServiceJvmOptions(List.of())
			.withDemoData(false)
			.withOutput(output);
		LocalPlatform platform = new LocalPlatform(settings);
		try {
			platform.startStore(dataDirectory.resolve("mongodb").resolve("groundgame.mv"));
			platform.startBroker(dataDirectory.resolve("kafka"));
			platform.startMail();
			Map<Service, Integer> ports = platform.choosePorts();
			ServiceProcess process = platform.newProcess(service, 1, ports.get(service), jar, ports);
			Path log = settings.logDirectory().resolve("aot-training").resolve(service.moduleName() + ".log");
			output.accept("Training " + service + " for its AOT cache (log in " + log + ")");
			long started = System.nanoTime();
			boolean made = new AotCache(cacheFile).train(process.command(), dataDirectory, log)
				.complete(settings.startupTimeout());
			output.accept(made
					? "AOT cache " + cacheFile + " made in " + seconds(Duration.ofNanos(System.nanoTime() - started))
					: "Could not make the AOT cache of " + service + ": the end of " + log + ":"
							+ String.join(System.lineSeparator() + "  | ", LogTail.of(log, 30)));
			return made;
		}
		catch (IOException ex) {
			output.accept("Could not make the AOT cache of " + service + ": " + ex.getMessage());
			return false;
		}
		finally {
			platform.close();
		}
	}

	/**
	 * How long each process took, from its start, to answer its readiness probe when the
	 * platform started.
	 * @return the time of each process
	 */
	Map<Service, Duration> readyIn() {
		return Map.copyOf(this.readyIn);
	}

	/**
	 * Waits until the AOT caches missing at start-up are made (or could not be).
	 * @param timeout how long to wait
	 * @return whether they were within the timeout
	 */
	boolean awaitAotCaches(Duration timeout) {
		try {
			this.aotTraining.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (java.util.concurrent.TimeoutException ex) {
			return false;
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Ends a start-up that {@link #close()} interrupted (Ctrl-C while starting), closing
	 * what was started after the close began.
	 */
	private void requireNotClosing() {
		synchronized (this) {
			if (!this.closing) {
				return;
			}
		}
		allProcesses().forEach(ServiceProcess::destroyNow);
		closeQuietly(this.mailbox);
		closeQuietly(this.mailCatcher);
		closeQuietly(this.kafka);
		closeQuietly(this.brokers);
		closeQuietly(this.mongo);
		throw new PlatformStartException("Stopped while starting");
	}

	private void requireJars() {
		List<String> missing = new ArrayList<>();
		for (Service service : Service.values()) {
			Path jar = service.jar(this.settings.repositoryRoot());
			if (!Files.isRegularFile(jar)) {
				missing.add(this.settings.repositoryRoot().relativize(jar).toString());
			}
		}
		if (!missing.isEmpty()) {
			throw new PlatformStartException("Missing " + String.join(", ", missing) + " under "
					+ this.settings.repositoryRoot() + ": build them first with ./mvnw -DskipTests package "
					+ "(./run-local.sh does that for you)");
		}
	}

	/**
	 * The jar each process runs: its module's jar extracted (once per build), so that it
	 * runs on a plain class path rather than through the fat jar's nested-jar class
	 * loader (see {@link ExtractedJars}).
	 */
	private Map<Service, Path> extractJars() {
		long started = System.nanoTime();
		Map<Service, Path> jars = new EnumMap<>(Service.class);
		for (Service service : Service.values()) {
			jars.put(service, service.jar(this.settings.repositoryRoot()));
		}
		AtomicBoolean extracting = new AtomicBoolean();
		Map<Service, Path> runnable = new ExtractedJars(java(), this.settings.dataDirectory().resolve("extracted"),
				this.settings.repositoryRoot())
			.prepare(jars, (services) -> {
				extracting.set(true);
				this.output.accept("Extracting the new build of "
						+ String.join(", ", services.stream().map(Service::moduleName).toList())
						+ " (once per build: each runs from its extracted jar, on a plain class path)");
			});
		if (extracting.get()) {
			this.output.accept("Extracted in " + seconds(Duration.ofNanos(System.nanoTime() - started)));
		}
		return runnable;
	}

	private static Path java() {
		return Path.of(System.getProperty("java.home"), "bin",
				System.getProperty("os.name").startsWith("Windows") ? "java.exe" : "java");
	}

	/** One platform per data folder: the store and the broker each lock their files. */
	private void lockDataDirectory(Path dataDirectory) {
		try {
			Files.createDirectories(dataDirectory);
			this.lockChannel = FileChannel.open(dataDirectory.resolve("platform.lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE);
			this.lock = this.lockChannel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			this.lock = null;
		}
		catch (IOException ex) {
			throw new PlatformStartException(
					"Could not use " + dataDirectory + " as the data folder: " + ex.getMessage(), ex);
		}
		if (this.lock == null) {
			throw new PlatformStartException("Another local platform is running with its data in " + dataDirectory
					+ ": stop it first (Ctrl-C), or choose another folder with --data-dir");
		}
	}

	/**
	 * Stops service processes that an earlier launcher, killed without a chance to clean
	 * up, left running: they would hold the ports and talk to a broker that is gone. Only
	 * processes whose command line runs the service's jar are touched.
	 */
	private void stopLeftoverProcesses() {
		for (Service service : Service.values()) {
			for (int instance = 1; instance <= 2; instance++) {
				stopLeftoverProcess(service, pidFile(service, instance));
			}
		}
	}

	private void stopLeftoverProcess(Service service, Path pidFile) {
		Optional<ProcessHandle> leftover = readPid(pidFile).flatMap(ProcessHandle::of)
			.filter(ProcessHandle::isAlive)
			.filter((handle) -> handle.info()
				.commandLine()
				.map((line) -> line.contains(service.jar(this.settings.repositoryRoot()).getFileName().toString()))
				.orElse(false));
		leftover.ifPresent((handle) -> {
			this.output.accept("Stopping " + service + " (pid " + handle.pid()
					+ "), left running by an earlier run that did not stop cleanly");
			handle.destroy();
			try {
				handle.onExit().get(this.settings.stopTimeout().toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (Exception ex) {
				handle.destroyForcibly();
				handle.onExit().join();
			}
		});
		try {
			Files.deleteIfExists(pidFile);
		}
		catch (IOException ex) {
			// Rewritten when the service starts.
		}
	}

	private static Optional<Long> readPid(Path pidFile) {
		try {
			return Files.isRegularFile(pidFile)
					? Optional.of(Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).strip()))
					: Optional.empty();
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Free ports for the second instances of the cluster's shape, other than the first
	 * instances'.
	 */
	private Map<Service, Integer> chooseSecondPorts(Map<Service, Integer> firstPorts) {
		Map<Service, Integer> ports = new EnumMap<>(Service.class);
		Set<Integer> taken = new HashSet<>(firstPorts.values());
		for (Service service : Service.values()) {
			if (this.settings.instances(service) < 2) {
				continue;
			}
			ports.put(service, PortCheck.freePortNotIn(taken));
		}
		return ports;
	}

	/** Free ports for the processes asked to run on port 0, all different. */
	private Map<Service, Integer> choosePorts() {
		Map<Service, Integer> ports = new EnumMap<>(Service.class);
		Set<Integer> taken = new HashSet<>(this.settings.ports().values());
		for (Service service : Service.values()) {
			int port = this.settings.port(service);
			ports.put(service, (port != 0) ? port : PortCheck.freePortNotIn(taken));
		}
		return ports;
	}

	private void startStore(Path file) {
		try {
			this.mongo = EmbeddedMongo.persistent(file, this.settings.mongoPort());
		}
		catch (PortInUseException ex) {
			throw portInUse(ex, this.settings.mongoPort(), "the MongoDB-wire store", "--mongodb-port");
		}
		requireNotClosing();
		this.output.accept("MongoDB-wire store (mongo-java-server, kept in " + file.getFileName() + ") at "
				+ this.mongo.connectionString());
	}

	private void startBroker(Path directory) {
		long started = System.nanoTime();
		try {
			this.kafka = EmbeddedKafka.start(directory, this.settings.kafkaPort());
		}
		catch (PortInUseException ex) {
			throw portInUse(ex, this.settings.kafkaPort(), "the Kafka broker", "--kafka-port");
		}
		requireNotClosing();
		this.output.accept("Kafka broker (KRaft, in-process) at " + this.kafka.bootstrapServers() + ", ready in "
				+ seconds(Duration.ofNanos(System.nanoTime() - started)));
	}

	private void startBrokerCluster(Path directory) {
		long started = System.nanoTime();
		this.brokers = BrokerCluster.start(directory, this.settings.kafkaPort(), this.settings.logDirectory(),
				this.settings.startupTimeout(), this.output);
		requireNotClosing();
		this.output.accept("Kafka cluster (KRaft, " + BrokerCluster.NODES + " nodes, each its own process; "
				+ "3 replicas of every topic, 2 in sync for a write) at " + this.brokers.bootstrapServers()
				+ ", ready in " + seconds(Duration.ofNanos(System.nanoTime() - started)));
	}

	/**
	 * The SMTP server that catches the platform's e-mails, and the page to read them:
	 * before the services, so that the notification-service finds it.
	 */
	private void startMail() {
		try {
			this.mailCatcher = MailCatcher.start(this.settings.smtpPort());
		}
		catch (RuntimeException ex) {
			throw mailPortProblem(ex, this.settings.smtpPort(), PortCheck.MAIL_CATCHER, "--smtp-port");
		}
		try {
			this.mailbox = Mailbox.start(this.mailCatcher, this.settings.mailboxPort());
		}
		catch (IOException | RuntimeException ex) {
			throw mailPortProblem(ex, this.settings.mailboxPort(), PortCheck.MAILBOX, "--mailbox-port");
		}
		requireNotClosing();
		this.output.accept("Mail catcher (GreenMail SMTP, in-process) at " + PortCheck.LOOPBACK + ":"
				+ this.mailCatcher.smtpPort() + "; the mail it keeps at " + this.mailbox.uri());
	}

	private static PlatformStartException mailPortProblem(Exception ex, int port, String what, String option) {
		if (port != 0 && !PortCheck.isAvailable(port)) {
			return new PlatformStartException(PortCheck.message(new PortCheck.Need(port, what, option)), ex);
		}
		return new PlatformStartException("Could not start " + what + ": " + ex.getMessage(), ex);
	}

	private static PlatformStartException portInUse(PortInUseException ex, int requested, String what, String option) {
		if (ex.port() == requested) {
			return new PlatformStartException(PortCheck.message(new PortCheck.Need(requested, what, option)), ex);
		}
		return new PlatformStartException(
				"Port " + ex.port() + ", chosen for " + what + ", was taken by something else meanwhile: try again",
				ex);
	}

	private ServiceProcess newProcess(Service service, int instance, int port, Path jar, Map<Service, Integer> ports) {
		List<String> command = new ArrayList<>();
		command.add(java().toString());
		command.addAll(this.settings.serviceJvmOptions());
		command.add("-jar");
		command.add(jar.toString());
		command.add("--server.port=" + port);
		command.add("--server.address=" + PortCheck.LOOPBACK);
		// Lets the readiness check tell this process from anything else answering on its
		// port.
		command.add("--management.info.process.enabled=true");
		// Structured (ECS JSON) logs in the log files, one event a line, for tools to
		// read.
		command.add("--logging.structured.format.console=ecs");
		command.addAll(tokenSettings(service, ports));
		// What the launcher's user asked of every process (--otlp-endpoint).
		command.addAll(this.settings.processArguments());
		if (service == Service.GATEWAY) {
			for (Service backend : Service.values()) {
				if (backend != Service.GATEWAY) {
					// Every instance: the gateway balances over those that are ready.
					command.add("--" + backend.gatewayProperty() + "="
							+ String.join(",",
									instancePorts(backend, ports).stream()
										.map((instancePort) -> "http://" + PortCheck.LOOPBACK + ":" + instancePort)
										.toList()));
				}
			}
			// The rate limits' buckets, shared by the gateway's instances.
			command.add("--spring.mongodb.uri=" + this.mongo.connectionString());
		}
		else if (service == Service.WEB) {
			// The pages call the services' public APIs directly, on loopback.
			for (Service api : List.of(Service.ENDORSEMENT, Service.VOLUNTEER, Service.CAMPAIGN_TRAINING,
					Service.NOTIFICATION)) {
				command.add("--groundgame.web.services." + api.gatewayKey() + "=http://" + PortCheck.LOOPBACK + ":"
						+ ports.get(api));
			}
			// The console's sessions are kept in the store, so a restart signs nobody
			// out and every instance answers them; sealed with a key of their own.
			command.add("--spring.mongodb.uri=" + this.mongo.connectionString());
			command.add("--groundgame.web.console.sessions.key=" + credentials().consoleSessionKey());
		}
		else {
			if (service == Service.IDENTITY) {
				// Invitations and password-reset links go to the mail catcher too.
				command.add("--spring.mail.host=" + PortCheck.LOOPBACK);
				command.add("--spring.mail.port=" + this.mailCatcher.smtpPort());
			}
			if (service == Service.NOTIFICATION) {
				// Trying webhooks out on one machine means a receiver on loopback.
				command.add("--groundgame.notification.webhooks.allow-loopback=true");
				// Its e-mails go to the mail catcher, to be read on the mailbox page.
				command.add("--spring.mail.host=" + PortCheck.LOOPBACK);
				command.add("--spring.mail.port=" + this.mailCatcher.smtpPort());
				// The unsubscribe and preferences links in its e-mails go through the
				// gateway, under the address people use.
				command.add("--groundgame.notification.preferences.public-url=http://localhost:"
						+ ports.get(Service.GATEWAY));
				// Webhook secrets sealed before the key-encryption key are read with the
				// earlier key, and sealed again at start.
				PlatformCredentials.WebhookEncryption encryption = credentials().webhookEncryption();
				command.add("--groundgame.notification.webhooks.encryption.password=" + encryption.password());
				command.add("--groundgame.notification.webhooks.encryption.salt=" + encryption.salt());
			}
			// The platform's own key-encryption key (like the staff secret: on a local
			// command line, and in credentials.properties), for every service: each seals
			// and opens the per-person keys of the personal data in the events it
			// produces or consumes with it, and identity-service and notification-service
			// their signing keys and webhook secrets at rest.
			command.add("--groundgame.secrets.kek=" + credentials().keyEncryptionKey());
			command.add("--groundgame.secrets.previous-keks=" + credentials().previousKeyEncryptionKeys());
			if (service == Service.VOLUNTEER) {
				// Volunteers' calendar feed addresses stay valid across restarts.
				command.add("--groundgame.volunteer.calendar.secret=" + credentials().calendarFeedSecret());
				// The private links e-mailed to volunteers (their key, a confirmation) go
				// through the gateway, under the address people use.
				command.add("--groundgame.volunteer.links.public-url=http://localhost:" + ports.get(Service.GATEWAY));
			}
			if (service == Service.ENDORSEMENT) {
				// The candidate's private questionnaire link opens the page through the
				// gateway, under the address people use.
				command.add("--groundgame.endorsement.questionnaire.public-url=http://localhost:"
						+ ports.get(Service.GATEWAY));
			}
			if (service == Service.CAMPAIGN_TRAINING) {
				// So does the private link of a seat offer, to the trainee's page.
				command.add("--groundgame.training.offers.public-url=http://localhost:" + ports.get(Service.GATEWAY));
			}
			command.add("--spring.kafka.bootstrap-servers=" + kafkaBootstrapServers());
			command.add("--spring.mongodb.uri=" + this.mongo.connectionString());
		}
		Supplier<List<String>> startOptions = List::of;
		if (this.settings.aotCache() && AotCache.supported(Runtime.version())
				&& AotCache.compatible(this.settings.serviceJvmOptions())) {
			AotCache cache = new AotCache(jar, AotCache.currentJdk(), this.settings.serviceJvmOptions());
			this.aotCaches.put(service, cache);
			startOptions = cache::runOptions;
		}
		String name = (instance == 1) ? service.moduleName() : service.moduleName() + "-" + instance;
		return new ServiceProcess(service, instance, port, command, startOptions, this.settings.dataDirectory(),
				this.settings.logDirectory().resolve(name + ".log"), pidFile(service, instance),
				this.settings.startupTimeout(), this.settings.livenessTimeout(), this.output, this.scheduler);
	}

	/** The ports of every instance of a service, the first instance's first. */
	private List<Integer> instancePorts(Service service, Map<Service, Integer> ports) {
		List<Integer> all = new ArrayList<>();
		all.add(ports.get(service));
		Integer second = this.secondPorts.get(service);
		if (second != null) {
			all.add(second);
		}
		return all;
	}

	/**
	 * Who issues the tokens everyone trusts: the identity-service, under the gateway's
	 * address (the public one, where {@code /oauth2/token} is reached), with its keys
	 * read from the identity-service directly. An issuer set in the environment (an
	 * external identity provider,
	 * {@code SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI}) is left to the
	 * services, which inherit the environment.
	 */
	private List<String> tokenSettings(Service service, Map<Service, Integer> ports) {
		String issuer = "http://localhost:" + ports.get(Service.GATEWAY);
		List<String> settings = new ArrayList<>();
		if (service == Service.WEB) {
			// The site's pages need no token; the console signs people in against
			// identity-service (browsers through the gateway, tokens directly) as a
			// confidential client.
			settings.add("--groundgame.web.console.issuer=" + issuer);
			settings.add("--groundgame.web.console.identity=http://" + PortCheck.LOOPBACK + ":"
					+ ports.get(Service.IDENTITY));
			settings.add("--groundgame.web.console.client-secret=" + credentials().consoleClientSecret());
			return settings;
		}
		if (service == Service.IDENTITY) {
			PlatformCredentials.Client staff = credentials().staff();
			settings.add("--spring.security.oauth2.authorizationserver.issuer=" + issuer);
			settings
				.add("--groundgame.identity.web-client.redirect-uris=" + issuer + "/swagger-ui/oauth2-redirect.html");
			settings.add("--groundgame.identity.console-client.secret=" + credentials().consoleClientSecret());
			settings.add("--groundgame.identity.console-client.redirect-uris=" + issuer
					+ "/console/login/oauth2/code/console");
			settings.add(
					"--groundgame.identity.console-client.post-logout-redirect-uris=" + issuer + "/console/signed-out");
			settings.add("--groundgame.identity.clients[0].client-id=" + staff.clientId());
			settings.add("--groundgame.identity.clients[0].name=National staff (local platform)");
			settings.add("--groundgame.identity.clients[0].role=STAFF");
			// On the command line of a local process only: the secret never leaves the
			// machine,
			// and credentials.properties (owner-only) holds it anyway.
			settings.add("--groundgame.identity.clients[0].secret=" + staff.secret());
			PlatformCredentials.Client person = credentials().staffPerson();
			settings.add("--groundgame.identity.users[0].username=" + person.clientId());
			settings.add("--groundgame.identity.users[0].role=STAFF");
			settings.add("--groundgame.identity.users[0].password=" + person.secret());
			settings.add("--groundgame.identity.users[0].display-name=National staff (demo)");
			// Staff sign in with a one-time code too: a known authenticator secret, whose
			// otpauth:// address the launcher prints for an authenticator app.
			settings.add("--groundgame.identity.users[0].totp-secret=" + credentials().staffTotpSecret());
			PlatformCredentials.Client trainer = credentials().trainingPerson();
			settings.add("--groundgame.identity.users[1].username=" + trainer.clientId());
			settings.add("--groundgame.identity.users[1].role=TRAINING_STAFF");
			settings.add("--groundgame.identity.users[1].password=" + trainer.secret());
			settings.add("--groundgame.identity.users[1].display-name=Campaign Leadership School (demo)");
		}
		else if (System.getenv("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI") == null) {
			settings.add("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer);
			settings.add("--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://" + PortCheck.LOOPBACK + ":"
					+ ports.get(Service.IDENTITY) + "/oauth2/jwks");
		}
		return settings;
	}

	/**
	 * The platform's OAuth2 clients, kept in the data folder.
	 * @return the staff client and the demo chapters' clients
	 */
	public synchronized PlatformCredentials credentials() {
		if (this.credentials == null) {
			this.credentials = PlatformCredentials.load(this.settings.dataDirectory(), System::getenv);
		}
		return this.credentials;
	}

	private Path pidFile(Service service, int instance) {
		return this.settings.dataDirectory()
			.resolve("pids")
			.resolve(((instance == 1) ? service.moduleName() : service.moduleName() + "-" + instance) + ".pid");
	}

	/**
	 * Waits for every process at once, so that one that dies is reported as soon as it
	 * does, with the end of its log.
	 */
	private void awaitAllReady(long startedNanos) {
		long deadline = startedNanos + this.settings.startupTimeout().toNanos();
		List<ServiceProcess> waiting = allProcesses();
		while (!waiting.isEmpty()) {
			for (Iterator<ServiceProcess> iterator = waiting.iterator(); iterator.hasNext();) {
				ServiceProcess process = iterator.next();
				boolean ready;
				try {
					ready = process.isReadyWhileStarting();
				}
				catch (ServiceProcess.ExitedException ex) {
					throw new PlatformStartException(ex.getMessage() + withLogTail(process), ex);
				}
				if (ready) {
					iterator.remove();
					Duration took = Duration.between(process.startedAt(), java.time.Instant.now());
					if (process.instance() == 1) {
						this.readyIn.put(process.service(), took);
					}
					this.output.accept(process.name() + " ready in " + seconds(took) + " (" + process.uri()
							+ (this.aotCaches.containsKey(process.service())
									&& this.aotCaches.get(process.service()).exists() ? ", from its start-up cache"
											: "")
							+ ")");
				}
			}
			if (!waiting.isEmpty() && System.nanoTime() - deadline > 0) {
				ServiceProcess first = waiting.get(0);
				throw new PlatformStartException(waiting.stream().map(ServiceProcess::name).toList()
						+ " did not become ready within " + this.settings.startupTimeout().toSeconds()
						+ " s (change it with --startup-timeout)" + withLogTail(first));
			}
			if (!waiting.isEmpty()) {
				pause();
			}
		}
	}

	private static String withLogTail(ServiceProcess process) {
		StringBuilder message = new StringBuilder();
		message.append(System.lineSeparator())
			.append("The last lines of ")
			.append(process.logFile())
			.append(':')
			.append(System.lineSeparator());
		for (String line : process.logTail(LOG_TAIL_LINES)) {
			message.append("  | ").append(line).append(System.lineSeparator());
		}
		return message.toString();
	}

	private void seedAtStartup() {
		try {
			DemoData.Seeded seeded = seedDemoData();
			this.output.accept(seeded.created().isEmpty() ? "Demo data: already there, nothing added"
					: "Demo data: added " + String.join(", ", seeded.created()));
		}
		catch (RuntimeException ex) {
			this.output.accept("Could not seed the demo data (the platform runs without it): " + ex.getMessage());
		}
	}

	/** The gateway first, so that no new request comes in, then the services together. */
	private void stopProcesses() {
		allProcesses().forEach(ServiceProcess::markClosed);
		Duration timeout = this.settings.stopTimeout();
		ServiceProcess gateway = this.processes.get(Service.GATEWAY);
		if (gateway != null) {
			gateway.close(timeout);
		}
		List<Thread> stopping = new ArrayList<>();
		for (ServiceProcess process : allProcesses()) {
			if (process != gateway) {
				stopping.add(Thread.ofPlatform().name("stop-" + process.name()).start(() -> process.close(timeout)));
			}
		}
		for (Thread thread : stopping) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				allProcesses().forEach(ServiceProcess::destroyNow);
				return;
			}
		}
	}

	/** Kills every process at once: for a second Ctrl-C. */
	void destroyProcessesNow() {
		allProcesses().forEach(ServiceProcess::destroyNow);
	}

	private ServiceProcess process(Service service) {
		ServiceProcess process = this.processes.get(service);
		if (process == null) {
			throw new IllegalStateException(service + " is not part of this platform (yet)");
		}
		return process;
	}

	private void releaseLock() {
		try {
			if (this.lock != null) {
				this.lock.release();
			}
			if (this.lockChannel != null) {
				this.lockChannel.close();
			}
		}
		catch (IOException ex) {
			// The lock goes with the process anyway.
		}
	}

	private void closeQuietly(AutoCloseable closeable) {
		if (closeable == null) {
			return;
		}
		try {
			closeable.close();
		}
		catch (Exception ex) {
			this.output.accept("Could not stop " + closeable + " cleanly: " + ex.getMessage());
		}
	}

	private static void pause() {
		try {
			Thread.sleep(ServiceProcess.POLL_INTERVAL);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformStartException("Interrupted while waiting for the services to be ready", ex);
		}
	}

	static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
	}

}
