package org.groundgame.identity.person;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.groundgame.identity.IdentityConfiguration.IdentityProperties;
import org.groundgame.identity.IdentityConfiguration.SeededUser;
import org.groundgame.identity.IdentityServiceIntegrationTest;
import org.groundgame.security.Role;
import org.groundgame.support.secrets.KeyEncryption;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of identity-service starting at the same moment (the cluster's shape)
 * seed the same configured people: both start, and each person is stored once. Each round
 * races two seeders, behind a barrier, over a person neither has seen.
 */
@IdentityServiceIntegrationTest
class SeedingOnTwoInstancesIntegrationTests {

	private static final int ROUNDS = 10;

	@Autowired
	PersonStore people;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	IdentityProperties properties;

	@Autowired
	KeyEncryption keyEncryption;

	@Autowired
	Clock clock;

	@Test
	void twoInstancesSeedingTheSamePersonAtTheSameMomentBothStartWithThePersonStoredOnce() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			String username = "seeded-" + UUID.randomUUID() + "@example.org";
			IdentityProperties configured = withUser(
					new SeededUser(username, "a long enough passphrase " + round, Role.STAFF, null, "Seeded", null));
			CyclicBarrier together = new CyclicBarrier(2);
			List<Future<?>> instances = new ArrayList<>();
			try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
				for (int instance = 0; instance < 2; instance++) {
					People seeder = new People(this.people, this.passwords, configured, this.keyEncryption, this.clock);
					instances.add(threads.submit(() -> {
						together.await();
						seeder.run(null);
						return null;
					}));
				}
			}
			for (Future<?> instance : instances) {
				// Each instance's start-up seeding finished without an exception.
				instance.get();
			}
			assertThat(this.people.byUsername(username)).as("round " + round).isPresent();
		}
	}

	private IdentityProperties withUser(SeededUser user) {
		IdentityProperties p = this.properties;
		return new IdentityProperties(p.audience(), p.accessTokenTtl(), p.keys(), p.webClient(), p.consoleClient(),
				p.clients(), List.of(user), p.secretGuessing(), p.accounts(), p.signIn());
	}

}
