package org.groundgame.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.groundgame.notification.delivery.domain.Channel;
import org.groundgame.notification.delivery.domain.Delivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the attempts. Each channel has its own bounded set of workers, so a slow or dead
 * webhook endpoint can hold up webhook attempts only, never e-mail (nor the inbox, which
 * is written by the event's consumer itself). New deliveries are attempted at once; the
 * poller picks up retries that fall due and anything another instance left behind when
 * its lease ran out.
 */
@Component
class DeliveryDispatcher implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

	private final DeliveryStore store;

	private final DeliveryAttempts attempts;

	private final DeliveryProperties properties;

	private final Clock clock;

	private final Map<Channel, Worker> workers = new EnumMap<>(Channel.class);

	DeliveryDispatcher(DeliveryStore store, DeliveryAttempts attempts, DeliveryProperties properties, Clock clock) {
		this.store = store;
		this.attempts = attempts;
		this.properties = properties;
		this.clock = clock;
		this.workers.put(Channel.WEBHOOK, new Worker("webhook", properties.webhookConcurrency()));
		this.workers.put(Channel.EMAIL, new Worker("email", properties.emailConcurrency()));
	}

	/**
	 * Attempts deliveries just created, each as soon as its channel has a free worker.
	 */
	void dispatch(Collection<Delivery> created) {
		for (Delivery delivery : created) {
			this.workers.get(delivery.channel())
				.submit(() -> this.store.claim(delivery.id(), this.clock.instant(), this.properties.lease())
					.ifPresent(this.attempts::attempt));
		}
	}

	/**
	 * Until when deliveries inserted now are leased to this instance: in milliseconds, as
	 * the store keeps it, so that the lease can be recognised again
	 * ({@link #dispatchLeased}).
	 */
	Instant leaseFrom(Instant now) {
		return now.plus(this.properties.lease()).truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * Attempts deliveries just inserted leased to this instance until {@code leaseUntil}
	 * ({@link #leaseFrom}), each as soon as its channel has a free worker, without
	 * claiming each again: one store round trip less per delivery. One that waited for a
	 * worker until half its lease was gone is held for a new lease first (or left to
	 * whoever took it meanwhile), so no other instance attempts it at the same time. An
	 * e-mail carrying a person's data is looked for first: their erasure removes it, and
	 * it must then not go out (a webhook's attempt looks itself, once it has recorded the
	 * receiver, see {@link WebhookChannel}).
	 */
	void dispatchLeased(Collection<Delivery> created, Instant leaseUntil) {
		for (Delivery delivery : created) {
			this.workers.get(delivery.channel()).submit(() -> attemptLeased(delivery, leaseUntil));
		}
	}

	private void attemptLeased(Delivery delivery, Instant leaseUntil) {
		Instant now = this.clock.instant();
		if (now.isAfter(leaseUntil.minus(this.properties.lease().dividedBy(2)))) {
			this.store.renew(delivery.id(), leaseUntil, now, this.properties.lease()).ifPresent(this.attempts::attempt);
			return;
		}
		if (delivery.channel() == Channel.EMAIL && delivery.personalDataSubject() != null
				&& !this.store.exists(delivery.id())) {
			log.info("Delivery {} was removed before its first attempt (its person was erased): not sent",
					delivery.id());
			return;
		}
		this.attempts.attempt(delivery);
	}

	/** Attempts what has fallen due, as far as each channel has free workers. */
	@Scheduled(fixedDelayString = "${groundgame.notification.delivery.poll-interval:1s}")
	void attemptDue() {
		this.workers.forEach((channel, worker) -> {
			int free = worker.free();
			if (free > 0) {
				for (Delivery due : this.store.claimDue(channel, this.clock.instant(), this.properties.lease(), free)) {
					worker.submit(() -> this.attempts.attempt(due));
				}
			}
		});
	}

	@Override
	public void destroy() throws InterruptedException {
		for (Worker worker : this.workers.values()) {
			worker.executor.shutdown();
		}
		for (Worker worker : this.workers.values()) {
			worker.executor.awaitTermination(10, TimeUnit.SECONDS);
		}
	}

	/**
	 * Virtual threads, at most {@code concurrency} attempting at once; a task waits for a
	 * permit rather than being refused, and the poller only claims as many as are free.
	 */
	private static final class Worker {

		private final String name;

		private final Semaphore permits;

		private final ExecutorService executor;

		Worker(String name, int concurrency) {
			this.name = name;
			this.permits = new Semaphore(concurrency);
			this.executor = Executors
				.newThreadPerTaskExecutor(Thread.ofVirtual().name("delivery-" + name + "-", 0).factory());
		}

		int free() {
			return this.permits.availablePermits();
		}

		void submit(Runnable attempt) {
			this.executor.execute(() -> {
				try {
					this.permits.acquire();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				try {
					attempt.run();
				}
				catch (RuntimeException ex) {
					log.error("A {} delivery could not be attempted; the poller will pick it up", this.name, ex);
				}
				finally {
					this.permits.release();
				}
			});
		}

	}

}
