package org.groundgame.notification.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Store operations of many workers made as one: each caller gets its own answer, alone at
 * once, and together with those who asked while a batch was under way.
 */
class BatchesTests {

	private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());

	@Test
	void aCallerAloneIsAnsweredAtOnceInABatchOfItsOwn() {
		Batches<Integer, Integer> doubling = new Batches<>("doubling", 10, this::doubled);

		assertThat(doubling.submit(21)).isEqualTo(42);
		assertThat(doubling.submit(4)).isEqualTo(8);

		assertThat(this.batches).containsExactly(List.of(21), List.of(4));
	}

	@Test
	void callersWhoAskWhileABatchIsUnderWayGoTogetherInTheNextAndEachGetsItsOwnAnswer() throws Exception {
		CountDownLatch firstUnderWay = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Batches<Integer, Integer> doubling = holdingTheFirst(100, firstUnderWay, release);
		List<Future<Integer>> answers = new ArrayList<>();
		try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
			answers.add(callers.submit(() -> doubling.submit(0)));
			assertThat(firstUnderWay.await(10, TimeUnit.SECONDS)).isTrue();
			for (int i = 1; i <= 50; i++) {
				int item = i;
				answers.add(callers.submit(() -> doubling.submit(item)));
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> doubling.waiting() == 50);
			release.countDown();
		}

		for (int i = 0; i <= 50; i++) {
			assertThat(answers.get(i).get()).isEqualTo(2 * i);
		}
		assertThat(this.batches).hasSize(2);
		assertThat(this.batches.get(0)).containsExactly(0);
		assertThat(this.batches.get(1)).hasSize(50).containsExactlyInAnyOrderElementsOf(range(1, 51));
	}

	@Test
	void aBatchIsNoLargerThanItsMaximum() throws Exception {
		CountDownLatch firstUnderWay = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Batches<Integer, Integer> doubling = holdingTheFirst(8, firstUnderWay, release);
		try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
			callers.submit(() -> doubling.submit(0));
			assertThat(firstUnderWay.await(10, TimeUnit.SECONDS)).isTrue();
			for (int i = 1; i <= 20; i++) {
				int item = i;
				callers.submit(() -> doubling.submit(item));
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> doubling.waiting() == 20);
			release.countDown();
		}

		assertThat(this.batches).extracting(List::size).containsExactly(1, 8, 8, 4);
	}

	@Test
	void aFailedBatchFailsEachOfItsCallersAndTheNextBatchRunsAsUsual() {
		Batches<Integer, Integer> failingOnce = new Batches<>("failing", 10, (items) -> {
			if (items.contains(13)) {
				throw new IllegalStateException("the store is away");
			}
			return doubled(items);
		});

		assertThatIllegalStateException().isThrownBy(() -> failingOnce.submit(13)).withMessage("the store is away");
		assertThat(failingOnce.submit(2)).isEqualTo(4);
	}

	@Test
	void closingAnswersWhatWasAskedBeforeEndsTheThreadAndRefusesWhatIsAskedAfter() throws Exception {
		CountDownLatch firstUnderWay = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Batches<Integer, Integer> doubling = holdingTheFirst(100, firstUnderWay, release);
		Future<Integer> underWay;
		Future<Integer> waiting;
		Future<?> closing;
		try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
			underWay = callers.submit(() -> doubling.submit(0));
			assertThat(firstUnderWay.await(10, TimeUnit.SECONDS)).isTrue();
			waiting = callers.submit(() -> doubling.submit(5));
			await().atMost(Duration.ofSeconds(10)).until(() -> doubling.waiting() == 1);
			closing = callers.submit(doubling::close);
			// close() queues its stop behind the caller already waiting.
			await().atMost(Duration.ofSeconds(10)).until(() -> doubling.waiting() == 2);
			release.countDown();
		}
		closing.get();

		assertThat(underWay.get()).isZero();
		assertThat(waiting.get()).isEqualTo(10);
		assertThat(doubling.running()).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> doubling.submit(7))
			.withMessage("The doubling batches are closed");
		assertThat(this.batches).containsExactly(List.of(0), List.of(5));
	}

	/**
	 * Batches that double, whose batch holding item 0 says it is under way and waits for
	 * the release.
	 */
	private Batches<Integer, Integer> holdingTheFirst(int max, CountDownLatch underWay, CountDownLatch release) {
		return new Batches<>("doubling", max, (items) -> {
			if (items.contains(0)) {
				underWay.countDown();
				waitFor(release);
			}
			return doubled(items);
		});
	}

	private List<Integer> doubled(List<Integer> items) {
		this.batches.add(List.copyOf(items));
		return items.stream().map((item) -> 2 * item).toList();
	}

	private static List<Integer> range(int from, int to) {
		List<Integer> range = new ArrayList<>();
		for (int i = from; i < to; i++) {
			range.add(i);
		}
		return range;
	}

	private static void waitFor(CountDownLatch latch) {
		try {
			if (!latch.await(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("not released");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
