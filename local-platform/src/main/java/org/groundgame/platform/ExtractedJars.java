package org.groundgame.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The services' jars as they are run: extracted once per build with Spring Boot's own
 * tool ({@code java -Djarmode=tools -jar <module>.jar extract}) into a plain jar whose
 * manifest names its libraries in {@code lib/}, so that the JVM loads every class from a
 * plain class path. Run as it is built, a fat jar loads its classes through Spring Boot's
 * nested-jar class loader, which can deadlock with virtual threads on JDK 25: a virtual
 * thread holding the lock of the nested jar's file is starved while the carrier threads
 * are pinned loading classes from it (spring-boot issues 51379 and 51463; the
 * notification-service hung that way about a minute after start). Spring Boot recommends
 * the extracted layout for production for this and for start-up time.
 * <p>
 * Each jar is extracted under {@code <data-dir>/extracted/<module>/<digest>}, named after
 * the SHA-256 of the jar's content: while the jar is unchanged the extraction is reused,
 * a jar built anew is extracted again and the earlier extraction removed. An extraction
 * goes to a temporary folder first and is renamed into place once complete, so that one
 * interrupted half-way is never taken for a finished one. The data folder serves one
 * platform at a time, so nothing else runs from an extraction removed here.
 */
final class ExtractedJars {

	private static final long EXTRACTION_TIMEOUT_SECONDS = 120;

	private static final int LOG_TAIL_LINES = 20;

	private final Path java;

	private final Path directory;

	private final Path repositoryRoot;

	/**
	 * @param java the {@code java} executable that extracts
	 * @param directory where extractions are kept ({@code <data-dir>/extracted})
	 * @param repositoryRoot the checkout, to name jars relative to it in messages
	 */
	ExtractedJars(Path java, Path directory, Path repositoryRoot) {
		this.java = java;
		this.directory = directory;
		this.repositoryRoot = repositoryRoot;
	}

	/**
	 * The runnable jar of each service's extraction, extracting those whose jar changed
	 * since (all at once, each its own JVM).
	 * @param jars each service's fat jar
	 * @param extracting told which services are extracted now (not when all are reused)
	 * @return each service's extracted jar, to run with {@code java -jar}
	 * @throws PlatformStartException if a jar cannot be extracted, with the end of the
	 * extraction's output
	 */
	Map<Service, Path> prepare(Map<Service, Path> jars, Consumer<List<Service>> extracting) {
		Map<Service, Path> runnable = new EnumMap<>(Service.class);
		Map<Service, Extraction> started = new EnumMap<>(Service.class);
		for (Map.Entry<Service, Path> entry : jars.entrySet()) {
			Service service = entry.getKey();
			Path jar = entry.getValue();
			Path target = folder(service).resolve(digest(jar));
			Path extracted = target.resolve(jar.getFileName());
			if (Files.isRegularFile(extracted)) {
				runnable.put(service, extracted);
			}
			else {
				started.put(service, start(service, jar, target));
			}
		}
		if (!started.isEmpty()) {
			extracting.accept(List.copyOf(started.keySet()));
		}
		PlatformStartException failure = null;
		for (Map.Entry<Service, Extraction> entry : started.entrySet()) {
			try {
				runnable.put(entry.getKey(), entry.getValue().complete());
			}
			catch (PlatformStartException ex) {
				if (failure == null) {
					failure = ex;
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
		return runnable;
	}

	private Path folder(Service service) {
		return this.directory.resolve(service.moduleName());
	}

	private Extraction start(Service service, Path jar, Path target) {
		Path folder = folder(service);
		Path partial = folder.resolve("." + target.getFileName() + ".partial");
		Path log = folder.resolve("extract.log");
		try {
			Files.createDirectories(folder);
			delete(partial);
			Process process = new ProcessBuilder(this.java.toString(), "-Djarmode=tools", "-jar", jar.toString(),
					"extract", "--destination", partial.toString())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			return new Extraction(service, jar, process, partial, target, log);
		}
		catch (IOException ex) {
			throw new PlatformStartException(
					"Could not extract " + name(jar) + " into " + folder + ": " + ex.getMessage(), ex);
		}
	}

	private String name(Path jar) {
		return jar.startsWith(this.repositoryRoot) ? this.repositoryRoot.relativize(jar).toString() : jar.toString();
	}

	/**
	 * Names a jar's content.
	 * @param jar the jar
	 * @return the first 16 hex digits of its SHA-256
	 */
	static String digest(Path jar) {
		MessageDigest sha256;
		try {
			sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
		try (InputStream in = new DigestInputStream(Files.newInputStream(jar), sha256)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		catch (IOException ex) {
			throw new PlatformStartException("Could not read " + jar + ": " + ex.getMessage(), ex);
		}
		return HexFormat.of().formatHex(sha256.digest()).substring(0, 16);
	}

	private static void delete(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(path)) {
			for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(each);
			}
		}
	}

	/** One extraction under way. */
	private final class Extraction {

		private final Service service;

		private final Path jar;

		private final Process process;

		private final Path partial;

		private final Path target;

		private final Path log;

		Extraction(Service service, Path jar, Process process, Path partial, Path target, Path log) {
			this.service = service;
			this.jar = jar;
			this.process = process;
			this.partial = partial;
			this.target = target;
			this.log = log;
		}

		/** Waits for it, moves it into place and removes earlier extractions. */
		Path complete() {
			int exitCode;
			try {
				if (!this.process.waitFor(EXTRACTION_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
					this.process.destroyForcibly();
					throw failure("did not finish within " + EXTRACTION_TIMEOUT_SECONDS + " s");
				}
				exitCode = this.process.exitValue();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.process.destroyForcibly();
				throw new PlatformStartException("Interrupted while extracting " + name(this.jar), ex);
			}
			Path extracted = this.partial.resolve(this.jar.getFileName());
			if (exitCode != 0) {
				throw failure("exited with code " + exitCode);
			}
			if (!Files.isRegularFile(extracted)) {
				throw failure("left no " + this.jar.getFileName() + " in " + this.partial);
			}
			try {
				Files.move(this.partial, this.target, StandardCopyOption.ATOMIC_MOVE);
				removeEarlierExtractions();
			}
			catch (IOException ex) {
				throw new PlatformStartException(
						"Could not move the extraction of " + name(this.jar) + " into place: " + ex.getMessage(), ex);
			}
			return this.target.resolve(this.jar.getFileName());
		}

		private void removeEarlierExtractions() throws IOException {
			List<Path> earlier = new ArrayList<>();
			try (Stream<Path> entries = Files.list(this.target.getParent())) {
				entries.filter((entry) -> Files.isDirectory(entry) && !entry.equals(this.target)).forEach(earlier::add);
			}
			for (Path folder : earlier) {
				delete(folder);
			}
		}

		private PlatformStartException failure(String what) {
			try {
				delete(this.partial);
			}
			catch (IOException ex) {
				// Deleted before the next extraction into it.
			}
			StringBuilder message = new StringBuilder("Could not extract ").append(name(this.jar))
				.append(" for ")
				.append(this.service)
				.append(" (java -Djarmode=tools -jar ")
				.append(this.jar.getFileName())
				.append(" extract ")
				.append(what)
				.append(")")
				.append(System.lineSeparator())
				.append("The last lines of ")
				.append(this.log)
				.append(':')
				.append(System.lineSeparator());
			for (String line : LogTail.of(this.log, LOG_TAIL_LINES)) {
				message.append("  | ").append(line).append(System.lineSeparator());
			}
			return new PlatformStartException(message.toString());
		}

	}

}
