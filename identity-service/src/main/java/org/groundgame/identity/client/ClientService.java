package org.groundgame.identity.client;

import java.time.Clock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.groundgame.identity.IdentityConfiguration.IdentityProperties;
import org.groundgame.identity.IdentityConfiguration.SeededClient;
import org.groundgame.identity.chapter.RegisteredChapters;
import org.groundgame.security.Role;
import org.groundgame.support.domain.InvalidInputException;
import org.groundgame.support.domain.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

/**
 * Registers, lists and disables clients, and at start-up makes the clients the
 * configuration brings ({@code groundgame.identity.clients[]}) match it. A secret is
 * never stored or logged: only its hash is kept, and a new client's secret is answered
 * once.
 */
@Service
class ClientService implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ClientService.class);

	private final ClientStore clients;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final IdentityProperties properties;

	private final Counter registered;

	private final RegisteredChapters chapters;

	ClientService(ClientStore clients, PasswordEncoder passwords, Clock clock, IdentityProperties properties,
			MeterRegistry meters, RegisteredChapters chapters) {
		this.clients = clients;
		this.chapters = chapters;
		this.passwords = passwords;
		this.clock = clock;
		this.properties = properties;
		this.registered = Counter.builder("groundgame.identity.clients.registered")
			.description("Clients registered through the API")
			.register(meters);
	}

	/**
	 * A new client and its secret, which is never shown again.
	 * @throws InvalidInputException naming {@code chapterId} when the chapter does not
	 * fit the role, or is not a registered chapter (as far as this service has heard: a
	 * chapter registered a moment ago may not have reached its projection yet)
	 */
	Registration register(String name, Role role, String chapterId) {
		Client client = Client.register(name.strip(), role, chapterId, this.clock.instant());
		if (client.chapterId() != null && !this.chapters.isRegistered(client.chapterId())) {
			throw new InvalidInputException("chapterId", "is not a registered chapter");
		}
		String secret = Client.newSecret();
		this.clients.insert(ClientDocument.of(client, this.passwords.encode(secret)));
		this.registered.increment();
		log.info("Client {} registered ({}{})", client.clientId(), client.role(),
				(client.chapterId() != null) ? ", chapter " + client.chapterId() : "");
		return new Registration(client, secret);
	}

	Page<Client> clients(int page, int size) {
		return this.clients.page(page, size).map(ClientDocument::toClient);
	}

	/**
	 * @throws NotFoundException when no client has that id
	 */
	Client client(String clientId) {
		return this.clients.client(clientId)
			.map(ClientDocument::toClient)
			.orElseThrow(() -> new NotFoundException("client", clientId));
	}

	/**
	 * The client gets no more tokens; those it holds stay valid until they expire.
	 * @throws NotFoundException when no client has that id
	 */
	void disable(String clientId) {
		// Read again and retry when the client changed between the read and the write.
		while (true) {
			ClientDocument document = this.clients.client(clientId)
				.orElseThrow(() -> new NotFoundException("client", clientId));
			if (document.toClient().disabled()) {
				return;
			}
			if (this.clients.disable(document)) {
				log.info("Client {} disabled", clientId);
				return;
			}
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		for (SeededClient seeded : this.properties.clients()) {
			seed(seeded);
		}
	}

	/**
	 * Creates the client, or brings an existing one in line with the configuration: name,
	 * role, chapter, and the hash when the secret changed. A seeded client disabled
	 * through the API stays disabled.
	 */
	private void seed(SeededClient seeded) {
		if (!StringUtils.hasText(seeded.clientId()) || !StringUtils.hasText(seeded.secret()) || seeded.role() == null) {
			throw new IllegalStateException(
					"groundgame.identity.clients[] need a client-id, a secret and a role: " + seeded);
		}
		if (seeded.clientId().equals(this.properties.webClient().clientId())) {
			throw new IllegalStateException("Client id " + seeded.clientId() + " is the web client's");
		}
		String name = StringUtils.hasText(seeded.name()) ? seeded.name() : seeded.clientId();
		ClientDocument existing = this.clients.client(seeded.clientId()).orElse(null);
		if (existing == null) {
			Client client = new Client(seeded.clientId(), name, seeded.role(), seeded.chapterId(), this.clock.instant(),
					false);
			try {
				this.clients.insert(ClientDocument.of(client, this.passwords.encode(seeded.secret())));
				log.info("Seeded client {} created ({})", client.clientId(), client.role());
				return;
			}
			catch (DuplicateKeyException ex) {
				// Another instance seeded it at the same moment: bring that one in line.
				existing = this.clients.client(seeded.clientId()).orElseThrow(() -> ex);
			}
		}
		Client stored = existing.toClient();
		Client client = new Client(stored.clientId(), name, seeded.role(), seeded.chapterId(), stored.createdAt(),
				stored.disabled());
		boolean secretChanged = !this.passwords.matches(seeded.secret(), existing.getSecretHash());
		if (!this.clients.reconfigure(existing, client,
				secretChanged ? this.passwords.encode(seeded.secret()) : null)) {
			throw new OptimisticLockingFailureException(
					"Seeded client " + client.clientId() + " changed while being seeded");
		}
		log.info("Seeded client {} updated{}{}", client.clientId(), secretChanged ? " with a new secret" : "",
				client.disabled() ? " (it stays disabled)" : "");
	}

	/** A client just registered, with its secret in clear for the one answer. */
	record Registration(Client client, String secret) {

		@Override
		public String toString() {
			return "Registration[" + this.client + "]";
		}

	}

}
