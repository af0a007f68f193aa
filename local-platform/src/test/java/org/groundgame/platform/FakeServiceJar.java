package org.groundgame.platform;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Writes a service's jar where the build leaves it, holding {@link FakeService}: it runs
 * with {@code java -jar}, and extracts itself as Spring Boot's tools jar mode does.
 */
final class FakeServiceJar {

	private FakeServiceJar() {
	}

	/**
	 * Writes the jar of every service under a repository root.
	 * @param repository the root
	 * @param build a name for this build, kept in the jar: another name makes another jar
	 */
	static void writeAll(Path repository, String build) throws IOException {
		for (Service service : Service.values()) {
			write(service.jar(repository), build);
		}
	}

	/**
	 * Writes one jar.
	 * @param jar where
	 * @param build a name for this build, kept in the jar: another name makes another jar
	 * @param options options the fake service adds to its command line (e.g.
	 * {@code --fail})
	 */
	static void write(Path jar, String build, String... options) throws IOException {
		Manifest manifest = new Manifest();
		Attributes attributes = manifest.getMainAttributes();
		attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
		attributes.put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
		attributes.putValue(FakeService.OPTIONS_ATTRIBUTE, String.join(" ", options));
		Files.createDirectories(jar.getParent());
		Path classes = classes();
		String prefix = FakeService.class.getName().replace('.', '/');
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
				Stream<Path> files = Files.walk(classes)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String name = classes.relativize(file).toString().replace('\\', '/');
				if (name.equals(prefix + ".class") || name.startsWith(prefix + "$")) {
					add(out, name, Files.readAllBytes(file));
				}
			}
			add(out, "build.txt", build.getBytes(StandardCharsets.UTF_8));
		}
	}

	private static void add(JarOutputStream out, String name, byte[] content) throws IOException {
		out.putNextEntry(new JarEntry(name));
		out.write(content);
		out.closeEntry();
	}

	private static Path classes() {
		try {
			return Path.of(FakeService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The services whose jars were extracted by a start, from its output. */
	static List<String> extracted(List<String> output) {
		return output.stream()
			.filter((line) -> line.startsWith("Extracting the new build of "))
			.map((line) -> line.substring("Extracting the new build of ".length(), line.indexOf(" (once per build")))
			.flatMap((services) -> Stream.of(services.split(", ")))
			.toList();
	}

}
