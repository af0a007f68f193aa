package org.groundgame.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.UUID;

import org.groundgame.notification.NotificationServiceIntegrationTest;
import org.groundgame.notification.delivery.domain.Channel;
import org.groundgame.notification.delivery.domain.Content;
import org.groundgame.notification.delivery.domain.Delivery;
import org.groundgame.notification.delivery.domain.Recipient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * New deliveries are inserted leased to the instance that planned them, which attempts
 * them without claiming each: nobody else takes them while the lease lasts, and the
 * planner can hold one for a new lease only while the lease is still its own. The pollers
 * of two instances claiming the same due deliveries at the same moment (retries, what
 * another instance left behind) each take a different one: every delivery is attempted by
 * one instance.
 */
@NotificationServiceIntegrationTest
class DeliveryLeaseIntegrationTests {

	private static final Duration LEASE = Duration.ofMinutes(2);

	private final DeliveryStore store;

	private final DeliveryDispatcher dispatcher;

	@Autowired
	DeliveryLeaseIntegrationTests(DeliveryStore store, DeliveryDispatcher dispatcher) {
		this.store = store;
		this.dispatcher = dispatcher;
	}

	@Test
	void aDeliveryInsertedLeasedIsTakenByNoOneElseUntilTheLeaseRunsOut() {
		Instant now = tomorrow();
		Delivery delivery = delivery(now);
		Instant leaseUntil = this.dispatcher.leaseFrom(now);

		assertThat(this.store.insertNew(List.of(delivery), leaseUntil)).containsExactly(delivery.id());

		assertThat(this.store.claim(delivery.id(), now, LEASE)).as("claimed during the lease").isEmpty();
		assertThat(this.store.claim(delivery.id(), leaseUntil.plusMillis(1), LEASE)).as("claimed after it").isPresent();
	}

	@Test
	void thePlannerRenewsItsOwnLeaseButNotOneTakenSince() {
		Instant now = tomorrow();
		Delivery delivery = delivery(now);
		Instant leaseUntil = this.dispatcher.leaseFrom(now);
		this.store.insertNew(List.of(delivery), leaseUntil);

		Instant later = now.plus(LEASE.dividedBy(2)).plusSeconds(1);
		assertThat(this.store.renew(delivery.id(), leaseUntil, later, LEASE)).as("its own lease").isPresent();
		assertThat(this.store.renew(delivery.id(), leaseUntil, later, LEASE)).as("a lease renewed since").isEmpty();
	}

	@Test
	void aDeliveryThereAlreadyIsNotInsertedAgainNorLeased() {
		Instant now = tomorrow();
		Delivery delivery = delivery(now);
		this.store.insertNew(List.of(delivery));

		assertThat(this.store.insertNew(List.of(delivery), this.dispatcher.leaseFrom(now))).isEmpty();
		assertThat(this.store.claim(delivery.id(), now, LEASE)).as("still free").isPresent();
	}

	@Test
	void twoInstancesClaimingTheSameDueDeliveriesAtTheSameMomentTakeEachOnce() throws Exception {
		Instant now = tomorrow();
		List<Delivery> due = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			due.add(delivery(now));
		}
		this.store.insertNew(due);

		List<List<String>> claimedBy = new ArrayList<>();
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService instances = Executors.newFixedThreadPool(2)) {
			List<Future<List<String>>> claims = new ArrayList<>();
			for (int instance = 0; instance < 2; instance++) {
				claims.add(instances.submit(() -> {
					start.await();
					List<String> mine = new ArrayList<>();
					for (Delivery delivery : due) {
						this.store.claim(delivery.id(), now, LEASE).map(Delivery::id).ifPresent(mine::add);
					}
					return mine;
				}));
			}
			start.countDown();
			for (Future<List<String>> claim : claims) {
				claimedBy.add(claim.get());
			}
		}

		List<String> claimed = new ArrayList<>(claimedBy.get(0));
		claimed.addAll(claimedBy.get(1));
		assertThat(claimed).doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(due.stream().map(Delivery::id).toList());
		assertThat(due).allSatisfy((delivery) -> assertThat(this.store.claim(delivery.id(), now, LEASE))
			.as("leased to the instance that claimed it")
			.isEqualTo(Optional.empty()));
	}

	/**
	 * The time the tests' deliveries are due and the tests claim them at: a day ahead, so
	 * that the service's own poller, on the real clock, leaves them alone.
	 */
	private static Instant tomorrow() {
		return Instant.now().plus(Duration.ofDays(1));
	}

	private static Delivery delivery(Instant now) {
		String eventId = UUID.randomUUID().toString();
		return Delivery.planned(eventId, "org.groundgame.notification.LeaseTest.v1", Channel.WEBHOOK,
				Recipient.chapter("chapter-" + UUID.randomUUID()), "https://hooks.chapter.example/in",
				"subject-" + eventId, now, Content.webhook("Lease test", "{}"), now);
	}

}
