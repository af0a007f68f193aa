package org.groundgame.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;

import org.apache.commons.codec.binary.Base32;

/**
 * The OAuth2 clients of the local platform, kept in {@code credentials.properties} under
 * the data folder (readable by its owner only): the staff client, whose secret the
 * launcher makes on first start and hands to the identity-service, a staff person who
 * signs in through a browser (made the same way), and one client per demo chapter, made
 * through {@code POST /api/clients} when the demo data is seeded (the secret is shown
 * once, so it is kept here to be printed again on the next start).
 */
public final class PlatformCredentials {

	/** The staff client's id unless {@value #STAFF_ID_VARIABLE} says otherwise. */
	public static final String DEFAULT_STAFF_CLIENT_ID = "ground-game-staff";

	static final String STAFF_ID_VARIABLE = "GROUNDGAME_STAFF_CLIENT_ID";

	static final String STAFF_SECRET_VARIABLE = "GROUNDGAME_STAFF_CLIENT_SECRET";

	static final String FILE_NAME = "credentials.properties";

	private static final SecureRandom random = new SecureRandom();

	private final Path file;

	/** The staff person's user name on the sign-in page. */
	public static final String STAFF_PERSON = "staff";

	/** The training-staff person's user name on the sign-in page. */
	public static final String TRAINING_PERSON = "training";

	private final Client staff;

	private final Client staffPerson;

	private Client trainingPerson;

	private final Map<String, Client> chapters = new LinkedHashMap<>();

	private final Map<String, Client> organizers = new LinkedHashMap<>();

	private WebhookEncryption webhookEncryption;

	private String calendarFeedSecret;

	private String consoleClientSecret;

	private String consoleSessionKey;

	private String staffTotpSecret;

	private String keyEncryptionKey;

	private String previousKeyEncryptionKeys;

	private PlatformCredentials(Path file, Client staff, Client staffPerson) {
		this.file = file;
		this.staff = staff;
		this.staffPerson = staffPerson;
	}

	/**
	 * Reads the credentials of a data folder, making the staff client's secret if there
	 * is none yet. The environment's {@value #STAFF_ID_VARIABLE} and
	 * {@value #STAFF_SECRET_VARIABLE} choose the staff client instead when set.
	 * @param dataDirectory the platform's data folder
	 * @param environment the environment variables
	 * @return the credentials, saved
	 */
	public static PlatformCredentials load(Path dataDirectory, UnaryOperator<String> environment) {
		Path file = dataDirectory.resolve(FILE_NAME);
		Properties stored = new Properties();
		if (Files.isRegularFile(file)) {
			try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				stored.load(reader);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + file, ex);
			}
		}
		String staffId = firstOf(environment.apply(STAFF_ID_VARIABLE), stored.getProperty("staff.client-id"),
				DEFAULT_STAFF_CLIENT_ID);
		String staffSecret = firstOf(environment.apply(STAFF_SECRET_VARIABLE),
				stored.getProperty("staff.client-secret"), newSecret());
		String personPassword = firstOf(stored.getProperty("staff-person.password"), newSecret().substring(0, 20));
		PlatformCredentials credentials = new PlatformCredentials(file, new Client(staffId, staffSecret),
				new Client(STAFF_PERSON, personPassword));
		credentials.webhookEncryption = new WebhookEncryption(
				firstOf(stored.getProperty("notification.webhook-encryption.password"), newSecret()),
				firstOf(stored.getProperty("notification.webhook-encryption.salt"), newSalt()));
		credentials.calendarFeedSecret = firstOf(stored.getProperty("volunteer.calendar-feed-secret"), newSecret());
		credentials.trainingPerson = new Client(TRAINING_PERSON,
				firstOf(stored.getProperty("training-person.password"), newSecret().substring(0, 20)));
		credentials.staffTotpSecret = firstOf(stored.getProperty("staff-person.totp-secret"), newTotpSecret());
		credentials.consoleClientSecret = firstOf(stored.getProperty("console.client-secret"), newSecret());
		credentials.consoleSessionKey = firstOf(stored.getProperty("console.session-key"), newKeyEncryptionKey());
		credentials.keyEncryptionKey = firstOf(stored.getProperty("secrets.kek"), newKeyEncryptionKey());
		credentials.previousKeyEncryptionKeys = stored.getProperty("secrets.previous-keks", "").strip();
		for (String name : stored.stringPropertyNames()) {
			if (name.startsWith("chapter.") && name.endsWith(".organizer-email")) {
				String chapterId = name.substring("chapter.".length(), name.length() - ".organizer-email".length());
				String password = stored.getProperty("chapter." + chapterId + ".organizer-password");
				if (password != null) {
					credentials.organizers.put(chapterId, new Client(stored.getProperty(name), password));
				}
			}
			if (name.startsWith("chapter.") && name.endsWith(".client-id")) {
				String chapterId = name.substring("chapter.".length(), name.length() - ".client-id".length());
				String secret = stored.getProperty("chapter." + chapterId + ".client-secret");
				if (secret != null) {
					credentials.chapters.put(chapterId, new Client(stored.getProperty(name), secret));
				}
			}
		}
		credentials.save();
		return credentials;
	}

	/**
	 * The staff client of a running platform, for the {@code seed} command: from the
	 * environment, else from a data folder's file.
	 * @param dataDirectory where a local platform keeps its credentials
	 * @param environment the environment variables
	 * @return the credentials, or empty if neither says who staff is
	 */
	static Optional<PlatformCredentials> existing(Path dataDirectory, UnaryOperator<String> environment) {
		if (environment.apply(STAFF_SECRET_VARIABLE) == null
				&& !Files.isRegularFile(dataDirectory.resolve(FILE_NAME))) {
			return Optional.empty();
		}
		return Optional.of(load(dataDirectory, environment));
	}

	public Client staff() {
		return this.staff;
	}

	/**
	 * The national staff person who signs in through a browser (the sign-in page, for
	 * Swagger UI's authorization code flow with PKCE).
	 * @return the user name and password
	 */
	public Client staffPerson() {
		return this.staffPerson;
	}

	/**
	 * The staff person's authenticator secret (Base32, 20 random bytes): national staff
	 * sign in with a one-time code after their password.
	 */
	public String staffTotpSecret() {
		return this.staffTotpSecret;
	}

	/**
	 * What an authenticator app takes to make the staff person's one-time codes.
	 * @return an {@code otpauth://totp/…} address
	 */
	public String staffAuthenticatorUri() {
		String issuer = URLEncoder.encode("Ground Game", StandardCharsets.UTF_8).replace("+", "%20");
		return "otpauth://totp/" + issuer + ":" + URLEncoder.encode(this.staffPerson.clientId(), StandardCharsets.UTF_8)
				+ "?secret=" + this.staffTotpSecret + "&issuer=" + issuer + "&algorithm=SHA1&digits=6&period=30";
	}

	/**
	 * The Campaign Leadership School's staff person, who signs in to the console.
	 * @return the user name and password
	 */
	public Client trainingPerson() {
		return this.trainingPerson;
	}

	/**
	 * What notification-service derived the key from that encrypted chapters' webhook
	 * secrets at rest before the key-encryption key ({@link #keyEncryptionKey()}): still
	 * handed over, so that secrets sealed that way on an existing data folder are read
	 * and sealed again with the key-encryption key.
	 */
	public WebhookEncryption webhookEncryption() {
		return this.webhookEncryption;
	}

	/**
	 * What volunteer-service signs volunteers' calendar feed addresses with: made once
	 * and kept with the platform's data, so that a calendar app's subscription outlives a
	 * restart.
	 */
	public String calendarFeedSecret() {
		return this.calendarFeedSecret;
	}

	/**
	 * The organizers' console's client secret at identity-service: the web module signs
	 * people in with it (a confidential client). Made once and kept with the platform's
	 * data.
	 */
	public String consoleClientSecret() {
		return this.consoleClientSecret;
	}

	/**
	 * The key the web module seals the console's sessions with (they hold people's access
	 * and refresh tokens): 32 random bytes (Base64), made once and kept with the
	 * platform's data, so that a restart signs nobody out.
	 */
	public String consoleSessionKey() {
		return this.consoleSessionKey;
	}

	/**
	 * The key-encryption key identity-service seals its private signing keys with, and
	 * notification-service its webhook secrets: 32 random bytes (Base64), made once and
	 * kept with the platform's data ({@code secrets.kek}), since what it sealed cannot be
	 * read without it.
	 */
	public String keyEncryptionKey() {
		return this.keyEncryptionKey;
	}

	/**
	 * Key-encryption keys secrets may still be sealed with after a rotation
	 * ({@code secrets.previous-keks}, comma-separated; empty unless someone rotated the
	 * key by editing the file: the new key as {@code secrets.kek}, the old one here).
	 */
	public String previousKeyEncryptionKeys() {
		return this.previousKeyEncryptionKeys;
	}

	public synchronized Optional<Client> chapter(String chapterId) {
		return Optional.ofNullable(this.chapters.get(chapterId));
	}

	synchronized void putChapter(String chapterId, Client client) {
		this.chapters.put(chapterId, client);
		save();
	}

	/**
	 * The organizer of a demo chapter, who signs in to the console.
	 * @param chapterId the chapter
	 * @return their e-mail address (as {@code clientId}) and password, if kept here
	 */
	public synchronized Optional<Client> organizer(String chapterId) {
		return Optional.ofNullable(this.organizers.get(chapterId));
	}

	synchronized void putOrganizer(String chapterId, Client organizer) {
		this.organizers.put(chapterId, organizer);
		save();
	}

	public synchronized Map<String, Client> chapters() {
		return Map.copyOf(this.chapters);
	}

	public Path file() {
		return this.file;
	}

	private synchronized void save() {
		Properties properties = new Properties();
		properties.setProperty("staff.client-id", this.staff.clientId());
		properties.setProperty("staff.client-secret", this.staff.secret());
		properties.setProperty("staff-person.username", this.staffPerson.clientId());
		properties.setProperty("staff-person.password", this.staffPerson.secret());
		properties.setProperty("staff-person.totp-secret", this.staffTotpSecret);
		properties.setProperty("training-person.username", this.trainingPerson.clientId());
		properties.setProperty("training-person.password", this.trainingPerson.secret());
		properties.setProperty("notification.webhook-encryption.password", this.webhookEncryption.password());
		properties.setProperty("notification.webhook-encryption.salt", this.webhookEncryption.salt());
		properties.setProperty("volunteer.calendar-feed-secret", this.calendarFeedSecret);
		properties.setProperty("console.client-secret", this.consoleClientSecret);
		properties.setProperty("console.session-key", this.consoleSessionKey);
		properties.setProperty("secrets.kek", this.keyEncryptionKey);
		properties.setProperty("secrets.previous-keks", this.previousKeyEncryptionKeys);
		this.chapters.forEach((chapterId, client) -> {
			properties.setProperty("chapter." + chapterId + ".client-id", client.clientId());
			properties.setProperty("chapter." + chapterId + ".client-secret", client.secret());
		});
		this.organizers.forEach((chapterId, organizer) -> {
			properties.setProperty("chapter." + chapterId + ".organizer-email", organizer.clientId());
			properties.setProperty("chapter." + chapterId + ".organizer-password", organizer.secret());
		});
		try {
			Files.createDirectories(this.file.getParent());
			if (!Files.exists(this.file) && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
				Files.createFile(this.file,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			try (Writer writer = Files.newBufferedWriter(this.file, StandardCharsets.UTF_8)) {
				properties.store(writer, "OAuth2 clients of the local Ground Game platform: keep this file private");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + this.file, ex);
		}
	}

	private static String firstOf(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		throw new IllegalStateException("No value");
	}

	/** 16 random bytes, as hex. */
	static String newSalt() {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		return java.util.HexFormat.of().formatHex(bytes);
	}

	/** 32 random bytes, Base64: an AES-256 key. */
	static String newKeyEncryptionKey() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

	/** 20 random bytes in Base32 without padding, as authenticator apps take them. */
	static String newTotpSecret() {
		byte[] bytes = new byte[20];
		random.nextBytes(bytes);
		return new Base32().encodeToString(bytes).replace("=", "");
	}

	static String newSecret() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * A password and a salt (hex) to derive an encryption key from.
	 *
	 * @param password the password
	 * @param salt the salt
	 */
	public record WebhookEncryption(String password, String salt) {

		@Override
		public String toString() {
			return "WebhookEncryption[password=…]";
		}

	}

	/**
	 * An OAuth2 client's id and secret.
	 *
	 * @param clientId the id
	 * @param secret the secret
	 */
	public record Client(String clientId, String secret) {

		@Override
		public String toString() {
			return this.clientId;
		}

	}

}
