package org.groundgame.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service (or the gateway) as a child JVM, with its output in a log file, a readiness
 * probe and a supervisor: once supervised, a process that exits without being asked to is
 * started again, at once the first time and with a growing delay if it keeps failing soon
 * after starting. A process that is running but no longer answers its liveness probe
 * ({@code /actuator/health/liveness}) for the liveness timeout is hung (a deadlock, say):
 * the supervisor takes it for dead, has it dump its threads into its log, kills it and
 * restarts it, saying so. So is one that, restarted, is not ready within the start-up
 * timeout.
 */
final class ServiceProcess {

	static final Duration POLL_INTERVAL = Duration.ofMillis(200);

	/** A process that ran this long before failing is not in a crash loop. */
	private static final Duration STABLE = Duration.ofMinutes(1);

	private static final Duration MAX_RESTART_DELAY = Duration.ofSeconds(30);

	/** Failures soon after starting in a row, after which the supervisor gives up. */
	static final int MAX_QUICK_FAILURES = 6;

	private static final Pattern PID = Pattern.compile("\"pid\"\\s*:\\s*(\\d+)");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	/** How often a running process's liveness probe is asked, at most. */
	private static final Duration LIVENESS_INTERVAL = Duration.ofSeconds(5);

	/** How long a hung process is given to write its thread dump before it is killed. */
	private static final Duration THREAD_DUMP_GRACE = Duration.ofSeconds(2);

	private final Service service;

	private final int instance;

	private final String name;

	private final int port;

	private final List<String> command;

	/** JVM options decided at each start (an AOT cache made since the last one). */
	private final Supplier<List<String>> startOptions;

	private final Path workingDirectory;

	private final Path logFile;

	private final Path pidFile;

	private final Duration startupTimeout;

	private final Duration livenessTimeout;

	private final Consumer<String> output;

	private final ScheduledExecutorService scheduler;

	private final HttpClient http;

	private final URI readiness;

	private final URI liveness;

	private final URI info;

	private Process process;

	private Instant startedAt;

	private boolean supervised;

	private boolean closed;

	private int restarts;

	private int quickFailures;

	/** The process that was seen answering on the port: not another one that holds it. */
	private long verifiedPid = -1;

	private ScheduledFuture<?> livenessWatch;

	/** The process whose liveness is watched, and when it last answered (nano time). */
	private long watchedPid = -1;

	private long lastAnswered;

	/** The process taken for dead and killed: its exit is reported as such. */
	private long hungPid = -1;

	ServiceProcess(Service service, int port, List<String> command, Path workingDirectory, Path logFile, Path pidFile,
			Duration startupTimeout, Duration livenessTimeout, Consumer<String> output,
			ScheduledExecutorService scheduler) {
		this(service, port, command, List::of, workingDirectory, logFile, pidFile, startupTimeout, livenessTimeout,
				output, scheduler);
	}

	/**
	 * @param startOptions JVM options asked for at each start and put right after the
	 * {@code java} executable (the AOT cache, once it is made)
	 */
	ServiceProcess(Service service, int port, List<String> command, Supplier<List<String>> startOptions,
			Path workingDirectory, Path logFile, Path pidFile, Duration startupTimeout, Duration livenessTimeout,
			Consumer<String> output, ScheduledExecutorService scheduler) {
		this(service, 1, port, command, startOptions, workingDirectory, logFile, pidFile, startupTimeout,
				livenessTimeout, output, scheduler);
	}

	/**
	 * @param instance which instance of the service this is, from 1: the second and later
	 * are named so in messages ({@code endorsement-service#2})
	 * @param startOptions JVM options asked for at each start and put right after the
	 * {@code java} executable (the AOT cache, once it is made)
	 */
	ServiceProcess(Service service, int instance, int port, List<String> command, Supplier<List<String>> startOptions,
			Path workingDirectory, Path logFile, Path pidFile, Duration startupTimeout, Duration livenessTimeout,
			Consumer<String> output, ScheduledExecutorService scheduler) {
		this.service = service;
		this.instance = instance;
		this.name = (instance == 1) ? service.toString() : service + "#" + instance;
		this.port = port;
		this.command = List.copyOf(command);
		this.startOptions = startOptions;
		this.workingDirectory = workingDirectory;
		this.logFile = logFile;
		this.pidFile = pidFile;
		this.startupTimeout = startupTimeout;
		this.livenessTimeout = livenessTimeout;
		this.output = output;
		this.scheduler = scheduler;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(1))
			.build();
		this.readiness = uri().resolve("/actuator/health/readiness");
		this.liveness = uri().resolve("/actuator/health/liveness");
		this.info = uri().resolve("/actuator/info");
	}

	Service service() {
		return this.service;
	}

	/**
	 * Which instance of its service this is.
	 * @return 1, or 2 for the second of the cluster's shape
	 */
	int instance() {
		return this.instance;
	}

	/**
	 * Its name in messages.
	 * @return e.g. {@code endorsement-service}, or {@code endorsement-service#2}
	 */
	String name() {
		return this.name;
	}

	int port() {
		return this.port;
	}

	URI uri() {
		return URI.create("http://" + PortCheck.LOOPBACK + ":" + this.port);
	}

	Path logFile() {
		return this.logFile;
	}

	/**
	 * The command line without the options decided at each start: the one a training run
	 * of its AOT cache starts from.
	 * @return the command line, {@code java} first
	 */
	List<String> command() {
		return this.command;
	}

	Path workingDirectory() {
		return this.workingDirectory;
	}

	/**
	 * When the current process was started.
	 * @return the instant, or {@code null} before the first start
	 */
	synchronized Instant startedAt() {
		return this.startedAt;
	}

	synchronized long pid() {
		return (this.process != null) ? this.process.pid() : -1;
	}

	synchronized boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	/**
	 * Whether the process is still starting; it must not have exited.
	 * @return {@code true} once it answers its readiness probe
	 * @throws ExitedException if it exited
	 */
	boolean isReadyWhileStarting() {
		Process current;
		synchronized (this) {
			current = this.process;
		}
		if (current == null || !current.isAlive()) {
			throw new ExitedException(this, (current != null) ? current.exitValue() : -1);
		}
		return isReady();
	}

	synchronized int restarts() {
		return this.restarts;
	}

	/**
	 * Starts the process; its log starts afresh unless this is a restart.
	 * @param freshLog whether to truncate the log file first
	 */
	synchronized void start(boolean freshLog) {
		if (this.closed) {
			throw new IllegalStateException(this.name + " is closed");
		}
		if (this.process != null && this.process.isAlive()) {
			return;
		}
		try {
			List<String> commandLine = new ArrayList<>(this.command);
			commandLine.addAll(1, this.startOptions.get());
			Files.createDirectories(this.logFile.getParent());
			String header = String.format(Locale.ROOT, "==== %s starting at %s: %s%n", this.name,
					LocalDateTime.now().format(TIME), redacted(commandLine));
			Files.writeString(this.logFile, header, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.WRITE,
					freshLog ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND);
			Process started = new ProcessBuilder(commandLine).directory(this.workingDirectory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.logFile.toFile()))
				.redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
				.start();
			this.process = started;
			this.startedAt = Instant.now();
			started.onExit().thenAccept(this::exited);
			// Lets the next launcher stop this process if this launcher dies without
			// doing so.
			Files.createDirectories(this.pidFile.getParent());
			Files.writeString(this.pidFile, Long.toString(started.pid()), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new PlatformStartException("Could not start " + this.name + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Restarts the process whenever it exits unexpectedly from now on, and watches its
	 * liveness once it is ready.
	 */
	synchronized void supervise() {
		this.supervised = true;
		if (this.livenessWatch == null && !this.closed) {
			long every = Math.min(LIVENESS_INTERVAL.toMillis(), Math.max(100, this.livenessTimeout.toMillis() / 3));
			this.livenessWatch = this.scheduler.scheduleWithFixedDelay(this::watchLiveness, every, every,
					TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * Asks the liveness probe of the process if it is supervised and was seen ready, and
	 * takes it for dead once it has not answered {@code 200} for the liveness timeout.
	 * Before it is ready, the start-up timeout applies instead.
	 */
	private void watchLiveness() {
		try {
			Process current;
			synchronized (this) {
				current = this.process;
				if (this.closed || !this.supervised || current == null || !current.isAlive()
						|| this.verifiedPid != current.pid() || this.hungPid == current.pid()) {
					return;
				}
				if (this.watchedPid != current.pid()) {
					this.watchedPid = current.pid();
					this.lastAnswered = System.nanoTime();
				}
			}
			boolean answered = get(this.liveness).isPresent();
			Duration silent;
			synchronized (this) {
				if (answered) {
					this.lastAnswered = System.nanoTime();
					return;
				}
				silent = Duration.ofNanos(System.nanoTime() - this.lastAnswered);
			}
			if (silent.compareTo(this.livenessTimeout) >= 0) {
				takeForDead(current, "has not answered its liveness probe (" + this.liveness.getPath() + ") for "
						+ silent.toSeconds() + " s");
			}
		}
		catch (RuntimeException ex) {
			// The next round asks again; a watch that ended here would never do so.
			this.output.accept("Could not ask " + this.name + " whether it is alive: " + ex);
		}
	}

	/**
	 * A process that runs but does not answer is as good as dead: it is told to dump its
	 * threads into its log (what a deadlock looks like is the first thing anyone wants to
	 * know), then killed a moment later, and restarted as after a crash.
	 */
	private void takeForDead(Process hung, String why) {
		synchronized (this) {
			if (hung != this.process || this.closed || !this.supervised || this.hungPid == hung.pid()) {
				return;
			}
			this.hungPid = hung.pid();
		}
		String message = this.name + " (pid " + hung.pid() + ") " + why + ": taking it for dead, killing it and "
				+ "restarting it (its threads are dumped in " + this.logFile + ")";
		this.output.accept(message);
		appendToLog(String.format(Locale.ROOT, "==== %s %s%n", LocalDateTime.now().format(TIME), message));
		dumpThreads(hung);
		this.scheduler.schedule(hung::destroyForcibly, THREAD_DUMP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** A JVM prints a thread dump on its standard output on SIGQUIT, and goes on. */
	private static void dumpThreads(Process process) {
		if (System.getProperty("os.name").startsWith("Windows")) {
			return;
		}
		try {
			new ProcessBuilder("kill", "-QUIT", Long.toString(process.pid())).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start()
				.waitFor(5, TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			// No dump then; the process is killed all the same.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void appendToLog(String line) {
		try {
			Files.writeString(this.logFile, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			// The console says it too.
		}
	}

	/**
	 * Whether the service answers its readiness probe with {@code 200} now. The first
	 * time, its {@code /actuator/info} must also show that the answer comes from the
	 * process started here rather than from something else on the port (another copy of
	 * the platform, say).
	 * @return {@code true} if ready
	 */
	boolean isReady() {
		long pid;
		synchronized (this) {
			if (this.process == null) {
				return false;
			}
			pid = this.process.pid();
		}
		Optional<String> health = get(this.readiness);
		if (health.isEmpty()) {
			return false;
		}
		synchronized (this) {
			if (this.verifiedPid == pid) {
				return true;
			}
		}
		Optional<Long> answering = get(this.info).map(PID::matcher)
			.filter(Matcher::find)
			.map((matcher) -> Long.parseLong(matcher.group(1)));
		if (answering.isPresent() && answering.get() != pid) {
			return false;
		}
		synchronized (this) {
			this.verifiedPid = pid;
		}
		return true;
	}

	/** The body of a {@code 200} answer, or empty. */
	private Optional<String> get(URI uri) {
		try {
			HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build();
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200) ? Optional.of(response.body()) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	/**
	 * Waits until the service is ready. While supervised, a process that dies meanwhile
	 * is waited for through its restart; otherwise its death ends the wait.
	 * @param timeout how long to wait
	 * @throws ExitedException if the process exited and will not be restarted
	 * @throws PlatformStartException if it was not ready in time
	 */
	void awaitReady(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			Process current;
			boolean restarting;
			synchronized (this) {
				current = this.process;
				restarting = this.supervised && !this.closed;
			}
			if (current != null && current.isAlive() && isReady()) {
				return;
			}
			if ((current == null || !current.isAlive()) && !restarting) {
				throw new ExitedException(this, (current != null) ? current.exitValue() : -1);
			}
			if (System.nanoTime() - deadline > 0) {
				throw new PlatformStartException(
						this.name + " was not ready within " + timeout.toSeconds() + " s: see " + this.logFile);
			}
			pause(current);
		}
	}

	/** Kills the process at once, like {@code kill -9}; the supervisor restarts it. */
	void kill() {
		Process current;
		synchronized (this) {
			current = this.process;
		}
		if (current != null) {
			current.destroyForcibly();
			current.onExit().join();
		}
	}

	/**
	 * Stops the process gracefully (SIGTERM), forcibly after the timeout, and stops
	 * supervising it until it is started again.
	 * @param timeout how long a graceful stop may take
	 */
	void stop(Duration timeout) {
		Process current;
		synchronized (this) {
			this.supervised = false;
			current = this.process;
		}
		if (current == null || !current.isAlive()) {
			return;
		}
		current.destroy();
		try {
			if (!current.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				this.output.accept(this.name + " did not stop within " + timeout.toSeconds() + " s: killing it");
				current.destroyForcibly();
				current.waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			current.destroyForcibly();
		}
	}

	/** From now on the process is never started or restarted again. */
	synchronized void markClosed() {
		this.closed = true;
		this.supervised = false;
		if (this.livenessWatch != null) {
			this.livenessWatch.cancel(false);
		}
	}

	/** Stops the process for good; it is never restarted. */
	void close(Duration timeout) {
		markClosed();
		stop(timeout);
		try {
			Files.deleteIfExists(this.pidFile);
		}
		catch (IOException ex) {
			// The next launcher checks the command line before stopping anything.
		}
	}

	/** Kills the process for good without waiting: the launcher is going down hard. */
	void destroyNow() {
		Process current;
		synchronized (this) {
			this.closed = true;
			this.supervised = false;
			current = this.process;
		}
		if (current != null) {
			current.destroyForcibly();
		}
	}

	List<String> logTail(int lines) {
		return LogTail.of(this.logFile, lines);
	}

	private void exited(Process exited) {
		Duration delay;
		synchronized (this) {
			if (exited != this.process || this.closed || !this.supervised) {
				return;
			}
			boolean quick = Duration.between(this.startedAt, Instant.now()).compareTo(STABLE) < 0;
			this.quickFailures = quick ? this.quickFailures + 1 : 0;
			if (this.quickFailures >= MAX_QUICK_FAILURES) {
				this.supervised = false;
			}
			else {
				this.restarts++;
			}
			delay = restartDelay(this.quickFailures);
		}
		String exit;
		synchronized (this) {
			exit = (exited.pid() == this.hungPid)
					? this.name + " (pid " + exited.pid() + "), taken for dead, was killed"
					: this.name + " (pid " + exited.pid() + ") exited unexpectedly with code " + exited.exitValue();
		}
		if (this.quickFailures >= MAX_QUICK_FAILURES) {
			StringBuilder message = new StringBuilder(exit).append(", the ")
				.append(this.quickFailures)
				.append(" times in a row within a minute of starting: not restarting it again. The last lines of ")
				.append(this.logFile)
				.append(':');
			logTail(20).forEach((line) -> message.append(System.lineSeparator()).append("  | ").append(line));
			this.output.accept(message.toString());
			return;
		}
		this.output.accept(exit + ": restarting it" + (delay.isZero() ? "" : " in " + delay.toSeconds() + " s"));
		this.scheduler.schedule(this::restart, delay.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * At once after a first quick failure, then 1, 2, 4 … seconds up to half a minute
	 * while the process keeps failing soon after it started.
	 * @param quickFailures how many times in a row it failed within a minute of starting
	 * @return how long to wait before the next start
	 */
	static Duration restartDelay(int quickFailures) {
		if (quickFailures <= 1) {
			return Duration.ZERO;
		}
		Duration delay = Duration.ofSeconds(1L << Math.min(quickFailures - 2, 10));
		return (delay.compareTo(MAX_RESTART_DELAY) < 0) ? delay : MAX_RESTART_DELAY;
	}

	private void restart() {
		long started = System.nanoTime();
		Process restarted;
		synchronized (this) {
			if (this.closed || !this.supervised) {
				return;
			}
			try {
				start(false);
			}
			catch (RuntimeException ex) {
				this.output.accept("Could not restart " + this.name + ": " + ex.getMessage());
				return;
			}
			restarted = this.process;
		}
		// Waits for this process only: if it dies too, exited() reports it and tries
		// again.
		long deadline = started + this.startupTimeout.toNanos();
		while (restarted.isAlive()) {
			if (isReady()) {
				this.output.accept(this.name + " is back: restarted and ready in "
						+ LocalPlatform.seconds(Duration.ofNanos(System.nanoTime() - started)));
				return;
			}
			if (System.nanoTime() - deadline > 0) {
				takeForDead(restarted, "was not ready within " + this.startupTimeout.toSeconds() + " s of its restart");
				return;
			}
			try {
				pause(restarted);
			}
			catch (PlatformStartException ex) {
				return;
			}
		}
	}

	private static void pause(Process current) {
		try {
			if (current != null && current.isAlive()) {
				// Returns early if the process dies meanwhile.
				current.waitFor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
			}
			else {
				Thread.sleep(POLL_INTERVAL);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformStartException("Interrupted while waiting for a service to be ready", ex);
		}
	}

	private static java.io.File nullDevice() {
		return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
	}

	@Override
	public String toString() {
		return this.name + " at " + uri();
	}

	/** The process exited while we waited for it, and will not be restarted. */
	static final class ExitedException extends PlatformStartException {

		private final transient ServiceProcess process;

		private final int exitCode;

		ExitedException(ServiceProcess process, int exitCode) {
			super(process.name + " exited with code " + exitCode + " while starting: see " + process.logFile);
			this.process = process;
			this.exitCode = exitCode;
		}

		ServiceProcess process() {
			return this.process;
		}

		int exitCode() {
			return this.exitCode;
		}

	}

	/**
	 * The command line as the log shows it: secrets (the staff client's and person's)
	 * replaced.
	 * @param command the command line
	 * @return it, joined, with the value of every {@code …secret=} and {@code …password=}
	 * argument hidden
	 */
	static String redacted(List<String> command) {
		return String.join(" ",
				command.stream()
					.map((argument) -> argument.replaceFirst("(?i)((secret|password|keks?)=).*", "$1*****"))
					.toList());
	}

}
