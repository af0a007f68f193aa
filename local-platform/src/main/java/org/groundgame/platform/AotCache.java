package org.groundgame.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A service's ahead-of-time cache (JDK 25+: JEP 483, 514 and 515): the classes its
 * start-up loads, parsed, verified and linked once, mapped from a file at every later
 * start instead of being loaded again from the jars. Made as Spring Boot documents it, by
 * a training run of the extracted jar that stops once the application context is
 * refreshed ({@code -Dspring.context.exit=onRefresh}, with {@code -XX:AOTCacheOutput}),
 * then used with {@code -XX:AOTCache}.
 * <p>
 * A cache belongs to one class path, one JDK and one set of JVM options: it is kept
 * beside the extraction it was made from ({@code <extraction>/aot/<key>.aot}, so a new
 * build, extracted anew, has none until it is trained) and named after the JDK and the
 * options ({@code <key>}), so that another JDK or other options make another one and the
 * old one is removed. A training run writes to a temporary file that is renamed into
 * place only if the run ended well, so a run cut short is never used. On a JDK before 25
 * nothing is made or used: the options do not exist there and the JVM would refuse to
 * start.
 * <p>
 * The training run is the service's own command line, against the platform's own broker
 * and store: its context's refresh creates the collections' indexes (as every start
 * does); nothing after the refresh runs (no listener, runner, relay or scheduled job
 * starts, no port is bound).
 */
final class AotCache {

	/** The first JDK with {@code -XX:AOTCacheOutput} (JEP 514). */
	static final int FIRST_JDK = 25;

	/** Spring's way to stop once the context is refreshed, for a training run. */
	static final String TRAINING_EXIT = "-Dspring.context.exit=onRefresh";

	private static final String SUFFIX = ".aot";

	private final Path folder;

	private final Path file;

	/**
	 * @param extractedJar the jar the service runs from
	 * @param jdk the JDK that runs it (its home and version)
	 * @param jvmOptions the service's JVM options
	 */
	AotCache(Path extractedJar, String jdk, List<String> jvmOptions) {
		this(extractedJar.resolveSibling("aot").resolve(key(jdk, jvmOptions) + SUFFIX));
	}

	/**
	 * A cache at a given place (a container image's, say), alone in its folder.
	 * @param file where the cache is
	 */
	AotCache(Path file) {
		this.folder = file.toAbsolutePath().getParent();
		this.file = file.toAbsolutePath();
	}

	/**
	 * Whether a JDK can make and use an AOT cache the way this class does.
	 * @param version the JDK's version
	 * @return {@code true} from JDK 25 on
	 */
	static boolean supported(Runtime.Version version) {
		return version.feature() >= FIRST_JDK;
	}

	/**
	 * Whether the services' own JVM options leave room for an AOT cache: the JDK refuses
	 * to start with one next to any class data sharing option ({@code -Xshare:…},
	 * {@code -XX:SharedArchiveFile}, an AOT option of their own).
	 * @param jvmOptions the services' JVM options
	 * @return {@code true} if none of them is such an option
	 */
	static boolean compatible(List<String> jvmOptions) {
		return jvmOptions.stream()
			.noneMatch((option) -> option.startsWith("-Xshare:") || option.startsWith("-XX:SharedArchiveFile")
					|| option.startsWith("-XX:SharedClassListFile") || option.startsWith("-XX:AOT"));
	}

	/**
	 * The JDK this launcher runs on, which runs the services too.
	 * @return its home and full version
	 */
	static String currentJdk() {
		return System.getProperty("java.home") + " " + System.getProperty("java.vm.version");
	}

	Path file() {
		return this.file;
	}

	boolean exists() {
		return Files.isRegularFile(this.file);
	}

	/**
	 * The JVM options that start the service from its cache, once there is one.
	 * @return {@code -XX:AOTCache=<file>}, or nothing before the cache is made
	 */
	List<String> runOptions() {
		return exists() ? List.of("-XX:AOTCache=" + this.file) : List.of();
	}

	/**
	 * The training run's command line: the service's own, writing the cache to
	 * {@code output} and stopping once the context is refreshed, on any free port.
	 * @param command the service's command line ({@code java} first)
	 * @param output where the cache is written
	 * @return the training run's command line
	 */
	static List<String> trainingCommand(List<String> command, Path output) {
		List<String> training = new ArrayList<>(command.size() + 2);
		training.add(command.get(0));
		training.add("-XX:AOTCacheOutput=" + output);
		training.add(TRAINING_EXIT);
		for (String argument : command.subList(1, command.size())) {
			training.add(argument.startsWith("--server.port=") ? "--server.port=0" : argument);
		}
		return training;
	}

	/**
	 * Starts a training run that makes this cache.
	 * @param command the service's command line
	 * @param workingDirectory where it runs
	 * @param log where its output goes
	 * @return the training run
	 * @throws IOException if it cannot start
	 */
	Training train(List<String> command, Path workingDirectory, Path log) throws IOException {
		Files.createDirectories(this.folder);
		Path partial = this.folder.resolve(this.file.getFileName() + ".partial");
		Files.deleteIfExists(partial);
		Files.createDirectories(log.getParent());
		Process process = new ProcessBuilder(trainingCommand(command, partial)).directory(workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.redirectInput(ProcessBuilder.Redirect
				.from(new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null")))
			.start();
		return new Training(process, partial);
	}

	private static String key(String jdk, List<String> jvmOptions) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(jdk.getBytes(StandardCharsets.UTF_8));
			for (String option : jvmOptions) {
				sha256.update((byte) 0);
				sha256.update(option.getBytes(StandardCharsets.UTF_8));
			}
			return HexFormat.of().formatHex(sha256.digest()).substring(0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	@Override
	public String toString() {
		return this.file.toString();
	}

	/** A training run under way. */
	final class Training {

		private final Process process;

		private final Path partial;

		private Training(Process process, Path partial) {
			this.process = process;
			this.partial = partial;
		}

		/**
		 * Waits for the run and, if it ended well, puts the cache in place and removes
		 * caches made for another JDK or other options.
		 * @param timeout how long the run may take
		 * @return whether the cache was made
		 * @throws InterruptedException if interrupted meanwhile (the run is killed)
		 */
		boolean complete(Duration timeout) throws InterruptedException {
			boolean made = false;
			try {
				if (this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) && this.process.exitValue() == 0
						&& Files.isRegularFile(this.partial)) {
					Files.move(this.partial, AotCache.this.file, StandardCopyOption.ATOMIC_MOVE);
					made = true;
					removeOthers();
				}
			}
			catch (IOException ex) {
				// Not made: the next start trains again.
			}
			finally {
				kill();
				try {
					Files.deleteIfExists(this.partial);
					// The JDK's own temporary file, left when the run fails.
					Files.deleteIfExists(this.partial.resolveSibling(this.partial.getFileName() + ".config"));
				}
				catch (IOException ex) {
					// Replaced by the next training run.
				}
			}
			return made;
		}

		/**
		 * Ends the run at once, with the JVM it started to write the cache.
		 */
		void kill() {
			this.process.descendants().forEach(ProcessHandle::destroyForcibly);
			this.process.destroyForcibly();
		}

		private void removeOthers() throws IOException {
			try (Stream<Path> files = Files.list(AotCache.this.folder)) {
				for (Path other : files.filter((path) -> !path.equals(AotCache.this.file)).toList()) {
					Files.deleteIfExists(other);
				}
			}
		}

	}

}
