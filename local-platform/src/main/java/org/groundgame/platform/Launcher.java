package org.groundgame.platform;

import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.groundgame.events.Topics;

/**
 * The command line around {@link LocalPlatform}: reads the options, starts the platform,
 * tells its user what is running and what to try, and stops everything on Ctrl-C.
 */
final class Launcher {

	private final PrintStream out;

	private final PrintStream err;

	private final AtomicBoolean stopping = new AtomicBoolean();

	private volatile Thread stopper;

	Launcher(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(String[] arguments) {
		Options.Command command;
		try {
			command = Options.parse(List.of(arguments), defaultRepositoryRoot());
		}
		catch (IllegalArgumentException ex) {
			this.err.println(ex.getMessage());
			this.err.println("Run with --help to see the options.");
			return 2;
		}
		return switch (command) {
			case Options.Command.Help help -> {
				this.out.print(Options.USAGE);
				yield 0;
			}
			case Options.Command.Seed seed -> seed(seed.gateway());
			case Options.Command.Run run -> run(run.settings());
			case Options.Command.AotCache aot -> aotCache(aot);
		};
	}

	private int aotCache(Options.Command.AotCache command) {
		Path data = null;
		try {
			data = java.nio.file.Files.createTempDirectory("groundgame-aot-");
			configureLogging(data.resolve("logs"));
			return LocalPlatform.makeAotCache(command.service(), command.jar(), command.output(), data, this::say) ? 0
					: 1;
		}
		catch (java.io.IOException ex) {
			this.err.println("Could not make the AOT cache: " + ex.getMessage());
			return 1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 130;
		}
		finally {
			// The store's and the broker's data, and the training run's log (shown if
			// it failed): nothing to keep.
			deleteQuietly(data);
		}
	}

	private static void deleteQuietly(Path directory) {
		if (directory == null) {
			return;
		}
		try (java.util.stream.Stream<Path> paths = java.nio.file.Files.walk(directory)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (java.io.IOException | java.io.UncheckedIOException ex) {
			// A temporary folder: the system clears it in the end.
		}
	}

	private int run(Settings settings) {
		configureLogging(settings.logDirectory());
		LocalPlatform platform = LocalPlatform.create(settings.withOutput(this::say));
		installStopHandlers(platform);
		try {
			platform.startOrClose();
		}
		catch (RuntimeException ex) {
			if (this.stopping.get()) {
				awaitClosed(platform);
				return 130;
			}
			this.err.println(
					(ex instanceof PlatformStartException) ? ex.getMessage() : "Ground Game could not start: " + ex);
			org.slf4j.LoggerFactory.getLogger(Launcher.class).error("Ground Game could not start", ex);
			return 1;
		}
		printWelcome(platform);
		awaitClosed(platform);
		return 0;
	}

	private int seed(URI gateway) {
		Path dataDirectory = defaultRepositoryRoot().resolve(Settings.DEFAULT_DATA_DIRECTORY);
		java.util.Optional<PlatformCredentials> credentials = PlatformCredentials.existing(dataDirectory,
				System::getenv);
		if (credentials.isEmpty()) {
			this.err.println("Seeding needs a staff client: set " + PlatformCredentials.STAFF_ID_VARIABLE + " and "
					+ PlatformCredentials.STAFF_SECRET_VARIABLE + " (docker compose uses the same variables), or run "
					+ "the local platform once so that " + dataDirectory.resolve(PlatformCredentials.FILE_NAME)
					+ " exists.");
			return 2;
		}
		say("Seeding the demo data through " + gateway);
		try {
			DemoData.Seeded seeded = DemoData.seed(gateway, credentials.get());
			say(seeded.created().isEmpty() ? "Everything was there already; nothing added."
					: "Added " + String.join(", ", seeded.created()) + ".");
			// The seed command runs without the local platform's mail catcher: chapters'
			// organizers
			// are invited from the console there.
			printChapters(null, seeded);
			return 0;
		}
		catch (RuntimeException ex) {
			this.err.println("Could not seed the demo data: " + ex.getMessage());
			return 1;
		}
	}

	/**
	 * Ctrl-C (SIGINT) and SIGTERM stop the platform in order: the services first, while
	 * the broker and the store they talk to are still up, then those. The JVM's own
	 * shutdown would stop all of them at once, so the signals are handled here, and a
	 * shutdown hook stays as the safety net for any other way out. A second Ctrl-C kills
	 * the services at once.
	 */
	private void installStopHandlers(LocalPlatform platform) {
		Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "platform-shutdown"));
		for (String name : List.of("INT", "TERM")) {
			try {
				sun.misc.Signal.handle(new sun.misc.Signal(name), (signal) -> onStopSignal(platform));
			}
			catch (IllegalArgumentException | UnsupportedOperationException ex) {
				// The signal is not available here (e.g. -Xrs); the shutdown hook stops
				// the platform.
			}
		}
	}

	private void onStopSignal(LocalPlatform platform) {
		if (this.stopping.getAndSet(true)) {
			say("Killing the services now.");
			platform.destroyProcessesNow();
			Runtime.getRuntime().halt(130);
		}
		say("Stopping Ground Game (Ctrl-C again to kill the services at once)...");
		this.stopper = Thread.ofPlatform().name("platform-stop").start(() -> {
			long started = System.nanoTime();
			platform.close();
			say("Stopped in " + LocalPlatform.seconds(Duration.ofNanos(System.nanoTime() - started)) + ".");
		});
	}

	private void awaitClosed(LocalPlatform platform) {
		try {
			platform.awaitClosed();
			Thread stopping = this.stopper;
			if (stopping != null) {
				// Lets it say that everything stopped before the JVM exits.
				stopping.join();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			platform.close();
		}
	}

	private void printWelcome(LocalPlatform platform) {
		Settings settings = platform.settings();
		String gateway = "http://localhost:" + platform.gateway().getPort();
		String chapterId = platform.demoData().map((data) -> data.chapterIds().get("St. Louis")).orElse("CHAPTER_ID");
		String kafka = platform.kafkaBootstrapServers();
		String json = "-H 'Content-Type: application/json'";
		String nl = System.lineSeparator();
		StringBuilder welcome = new StringBuilder(nl);
		welcome.append("Ground Game is running.").append(nl).append(nl);
		welcome.append("  Site      ").append(gateway).append("/    open it in a browser").append(nl);
		PlatformCredentials.Client staffPerson = platform.credentials().staffPerson();
		PlatformCredentials.Client trainingPerson = platform.credentials().trainingPerson();
		welcome.append("  Console   ")
			.append(gateway)
			.append("/console    the organizers' console: sign in as ")
			.append(staffPerson.clientId())
			.append(" / ")
			.append(staffPerson.secret())
			.append(" (national staff) or ")
			.append(trainingPerson.clientId())
			.append(" / ")
			.append(trainingPerson.secret())
			.append(" (the school's staff)")
			.append(nl);
		welcome.append(
				"            staff also give a one-time code: add this to an authenticator app (or type its secret): ")
			.append(platform.credentials().staffAuthenticatorUri())
			.append(nl);
		welcome.append("  Gateway   ")
			.append(gateway)
			.append("/api/…    the HTTP API (Swagger UI at ")
			.append(gateway)
			.append("/swagger-ui.html)")
			.append(nl);
		welcome.append("  Kafka     ")
			.append(kafka)
			.append("    MongoDB  ")
			.append(platform.mongoConnectionString())
			.append(nl);
		welcome.append("  Mailbox   ")
			.append("http://localhost:")
			.append(platform.mailbox().getPort())
			.append("    the e-mails the platform sends (SMTP ")
			.append(PortCheck.LOOPBACK)
			.append(':')
			.append(platform.smtpPort())
			.append("; they reach nobody)")
			.append(nl);
		welcome.append("  Data      ").append(settings.dataDirectory()).append(nl);
		welcome.append("  Logs      ").append(settings.logDirectory()).append(" (one file per service)").append(nl);
		this.out.print(welcome);
		platform.demoData().ifPresent((seeded) -> printChapters(platform, seeded));
		StringBuilder tryIt = new StringBuilder(nl);
		PlatformCredentials.Client staff = platform.credentials().staff();
		String chapterClient = platform.demoData()
			.map((data) -> data.chapterClients().get("St. Louis"))
			.map((client) -> client.clientId() + ":" + client.secret())
			.orElse("CHAPTER_CLIENT_ID:SECRET");
		String tokenOf = "curl -s -d grant_type=client_credentials " + gateway + "/oauth2/token -u ";
		String accessToken = " | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')";
		tryIt.append("Try it (clients and secrets are kept in ")
			.append(platform.credentials().file())
			.append("):")
			.append(nl);
		tryIt.append("  # tokens: national staff, and the St. Louis chapter's integration").append(nl);
		tryIt.append("  STAFF=$(")
			.append(tokenOf)
			.append(staff.clientId())
			.append(":")
			.append(staff.secret())
			.append(accessToken)
			.append(nl);
		tryIt.append("  CHAPTER=$(").append(tokenOf).append(chapterClient).append(accessToken).append(nl);
		json = "-H \"Authorization: Bearer $STAFF\" " + json;
		String chapterJson = "-H \"Authorization: Bearer $CHAPTER\" -H 'Content-Type: application/json'";
		PlatformCredentials.Client person = platform.credentials().staffPerson();
		tryIt.append("  # or sign in through a browser at ")
			.append(gateway)
			.append("/swagger-ui.html (Authorize, client ground-game-web) as ")
			.append(person.clientId())
			.append(" / ")
			.append(person.secret())
			.append(nl);
		tryIt.append("  # register a chapter").append(nl);
		tryIt.append("  curl -s -X POST ")
			.append(gateway)
			.append("/api/chapters ")
			.append(json)
			.append(" \\")
			.append(nl);
		tryIt.append("    -d '{\"name\":\"Mobilize Missouri - Springfield\",\"state\":\"MO\",\"city\":\"Springfield\",")
			.append("\"contactEmail\":\"springfield@mobilize-missouri.example\"}'")
			.append(nl);
		tryIt.append("  # nominate a candidate as the St. Louis chapter (attribution comes from its token)").append(nl);
		tryIt.append("  curl -s -X POST ")
			.append(gateway)
			.append("/api/nominations ")
			.append(chapterJson)
			.append(" \\")
			.append(nl);
		tryIt.append("    -d '{\"candidate\":{\"name\":\"Sam Rivera\",\"email\":\"sam.rivera@example.org\"},")
			.append("\"race\":{\"office\":\"State Senator\",\"level\":\"STATE\",\"state\":\"MO\",\"district\":\"4\",")
			.append("\"jurisdiction\":\"Missouri Senate\",\"electionDate\":\"")
			.append(DemoData.nextGeneralElection(java.time.LocalDate.now()))
			.append("\"},")
			.append("\"nominatedBy\":{\"name\":\"Pat Lee\",\"email\":\"pat.lee@example.org\"},")
			.append("\"statement\":\"A fictional candidate\"}'")
			.append(nl);
		tryIt.append("  # endorse it (NOMINATION_ID is the id in the answer above)").append(nl);
		tryIt.append("  curl -s -X POST ")
			.append(gateway)
			.append("/api/nominations/NOMINATION_ID/decision ")
			.append(json)
			.append(" -d '{\"decision\":\"ENDORSE\",\"reason\":\"Strong record\"}'")
			.append(nl);
		tryIt.append("  # the chapter's inbox").append(nl);
		tryIt.append("  curl -s -H \"Authorization: Bearer $CHAPTER\" '")
			.append(gateway)
			.append("/api/notifications/inbox?chapterId=")
			.append(chapterId)
			.append("'")
			.append(nl);
		tryIt.append("  # open volunteer opportunities in Missouri, with their shifts and seats left").append(nl);
		tryIt.append("  curl -s '").append(gateway).append("/api/opportunities?state=MO'").append(nl);
		tryIt.append(
				"  # join the team; your private link (VOLUNTEER_ID and KEY, as /volunteers/VOLUNTEER_ID#token=KEY)")
			.append(nl);
		tryIt.append("  # comes by e-mail (see the mailbox), never in the answer; then RSVP for a shift with it")
			.append(nl);
		tryIt.append("  curl -s -X POST ")
			.append(gateway)
			.append("/api/volunteers -H 'Content-Type: application/json' \\")
			.append(nl);
		tryIt.append("    -d '{\"name\":\"Dana Demo\",\"email\":\"dana.demo@example.org\",\"state\":\"MO\",")
			.append("\"chapterId\":\"")
			.append(chapterId)
			.append("\",\"consent\":{\"email\":true,\"sms\":false}}'")
			.append(nl);
		tryIt.append("  curl -s -X POST ")
			.append(gateway)
			.append("/api/shifts/SHIFT_ID/signups -H 'Content-Type: application/json' -H 'X-Manage-Token: KEY' \\")
			.append(nl);
		tryIt.append("    -d '{\"volunteerId\":\"VOLUNTEER_ID\"}'").append(nl);
		String cohortId = platform.demoData().map(DemoData.Seeded::cohortId).orElse("COHORT_ID");
		tryIt.append("  # the Campaign Leadership School's cohorts, with seats left and waitlist length; apply to the")
			.append(nl);
		tryIt.append(
				"  # demo cohort (one answer per reflection question): its three seats are taken, so you wait in line")
			.append(nl);
		tryIt.append("  curl -s '").append(gateway).append("/api/training/cohorts'").append(nl);
		tryIt.append("  curl -s -X POST ")
			.append(gateway)
			.append("/api/training/cohorts/")
			.append(cohortId)
			.append("/applications -H 'Content-Type: application/json' \\")
			.append(nl);
		tryIt.append("    -d '{\"name\":\"Robin Demo\",\"email\":\"robin.demo@example.org\",\"state\":\"MO\",")
			.append("\"chapterId\":\"")
			.append(chapterId)
			.append("\",\"plansToRun\":true,\"office\":\"City Council\",")
			.append("\"answers\":[\"To win housing justice\",\"Two cycles of canvassing\"]}'")
			.append(nl);
		tryIt.append("  # the answer says only that it was received: your place in line (and the offer when a seat")
			.append(nl);
		tryIt.append("  # frees up) is behind the private link e-mailed to you, in the mailbox at ")
			.append("http://localhost:")
			.append(platform.mailbox().getPort())
			.append(nl);
		tryIt.append("  # the endorsement events as CloudEvents (key, ce_ headers, JSON data)").append(nl);
		tryIt.append("  kcat -b ")
			.append(kafka)
			.append(" -C -t ")
			.append(Topics.ENDORSEMENT)
			.append(" -o beginning -e -f 'key=%k %h\\n%s\\n\\n'")
			.append(nl)
			.append(nl);
		tryIt.append("Ctrl-C stops everything; the data stays in ")
			.append(settings.dataDirectory())
			.append(" for the next start.")
			.append(nl);
		this.out.print(tryIt);
		this.out.flush();
	}

	private void printChapters(LocalPlatform platform, DemoData.Seeded seeded) {
		StringBuilder chapters = new StringBuilder(System.lineSeparator());
		chapters.append("Demo chapters of Mobilize Missouri (fictional data):").append(System.lineSeparator());
		for (Map.Entry<String, String> chapter : seeded.chapterIds().entrySet()) {
			chapters.append(String.format("  %-13s %s%n", chapter.getKey(), chapter.getValue()));
		}
		chapters.append("OAuth2 clients (POST /oauth2/token, grant_type=client_credentials, HTTP Basic):")
			.append(System.lineSeparator());
		chapters.append(String.format("  %-13s %s  %s%n", "Staff", seeded.staffClient().clientId(),
				seeded.staffClient().secret()));
		for (Map.Entry<String, PlatformCredentials.Client> client : seeded.chapterClients().entrySet()) {
			chapters.append(String.format("  %-13s %s  %s%n", client.getKey(), client.getValue().clientId(),
					client.getValue().secret()));
		}
		if (platform != null && !platform.demoOrganizers().isEmpty()) {
			chapters.append("Chapter organizers, who sign in to the console (e-mail address and password):")
				.append(System.lineSeparator());
			platform.demoOrganizers()
				.forEach((city, organizer) -> chapters
					.append(String.format("  %-13s %s  %s%n", city, organizer.clientId(), organizer.secret())));
		}
		chapters.append("  Nominations: ")
			.append(seeded.endorsedNominationId())
			.append(" (endorsed), ")
			.append(seeded.pendingNominationId())
			.append(" (awaiting review)")
			.append(System.lineSeparator());
		this.out.print(chapters);
	}

	private synchronized void say(String line) {
		this.out.println(line);
		this.out.flush();
	}

	/**
	 * The launcher's own logs and the broker's and store's go to a file under the data
	 * folder, not the console. Set before any logger exists.
	 */
	private static void configureLogging(Path logDirectory) {
		try {
			Files.createDirectories(logDirectory);
		}
		catch (java.io.IOException ex) {
			// Reported when the platform starts.
		}
		System.setProperty("groundgame.platform.log-directory", logDirectory.toString());
		if (System.getProperty("logback.configurationFile") == null) {
			System.setProperty("logback.configurationFile", "org/groundgame/platform/logback-platform.xml");
		}
	}

	/**
	 * The checkout this launcher was built in: the jar is
	 * {@code <root>/local-platform/target/local-platform.jar} (or its classes folder).
	 */
	static Path defaultRepositoryRoot() {
		try {
			Path location = Path.of(LocalPlatform.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			Path target = location.getParent();
			if (target != null && target.getFileName().toString().equals("target") && target.getParent() != null
					&& target.getParent().getParent() != null) {
				return target.getParent().getParent();
			}
		}
		catch (URISyntaxException | RuntimeException ex) {
			// Fall back to the working directory.
		}
		return Path.of("").toAbsolutePath();
	}

}
