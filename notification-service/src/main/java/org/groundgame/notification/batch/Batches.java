package org.groundgame.notification.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One store operation that many delivery workers make at the same moment, made as one
 * round trip for all of them (a group commit): each caller hands its item over and waits
 * for its own answer; one thread takes everything waiting (up to a maximum), runs it as
 * one batch, and answers every caller. Nobody waits for a batch to fill: alone, an item
 * goes at once; under load, the items that arrive while one batch is under way go
 * together in the next. So each caller still sees its operation done (or failed) before
 * it goes on, in the order it made them, and a webhook's store work costs a few round
 * trips per batch instead of a few per delivery.
 *
 * <p>
 * Its thread ends with {@link #close()} (the store's bean is destroyed), once what was
 * asked before is answered; a caller asking after is told so rather than left waiting.
 *
 * @param <T> what one caller hands over
 * @param <R> what it gets back
 */
public final class Batches<T, R> implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Batches.class);

	private final String name;

	private final Function<List<T>, List<R>> operation;

	private final int max;

	private final BlockingQueue<Waiting<T, R>> waiting = new LinkedBlockingQueue<>();

	/** Put in the queue by {@link #close()}: the thread stops when it takes it. */
	private final Waiting<T, R> stop = new Waiting<>(null, new CompletableFuture<>());

	private final Thread thread;

	private volatile boolean closed;

	/**
	 * Batches run by a virtual thread of their own.
	 * @param name what the batches do, which names their thread
	 * @param max the most items in one batch
	 * @param operation runs one batch: the answers in the order of the items (it throws
	 * for all of them, or answers each)
	 */
	public Batches(String name, int max, Function<List<T>, List<R>> operation) {
		this.name = name;
		this.max = max;
		this.operation = operation;
		this.thread = Thread.ofVirtual().name("batches-" + name).start(this::run);
	}

	/**
	 * Runs the item's operation, with whatever else is waiting.
	 * @return its answer
	 * @throws RuntimeException what the batch's operation threw
	 */
	public R submit(T item) {
		if (this.closed) {
			throw closedFailure();
		}
		Waiting<T, R> waiting = new Waiting<>(item, new CompletableFuture<>());
		this.waiting.add(waiting);
		if (this.closed) {
			// Closed meanwhile: the thread may be gone.
			failWaiting();
		}
		try {
			return waiting.answer().join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw ex;
		}
	}

	/**
	 * Ends the batches' thread once what was asked before is answered; whoever asks later
	 * gets an {@link IllegalStateException}.
	 */
	@Override
	public void close() {
		this.closed = true;
		this.waiting.add(this.stop);
		try {
			this.thread.join(Duration.ofSeconds(10));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		failWaiting();
	}

	/** Whether the batches' thread still runs. */
	boolean running() {
		return this.thread.isAlive();
	}

	private void failWaiting() {
		List<Waiting<T, R>> left = new ArrayList<>();
		this.waiting.drainTo(left);
		if (left.remove(this.stop)) {
			this.waiting.add(this.stop);
		}
		left.forEach((each) -> each.answer().completeExceptionally(closedFailure()));
	}

	private IllegalStateException closedFailure() {
		return new IllegalStateException("The " + this.name + " batches are closed");
	}

	/** How many items wait for a batch (not counting the one under way). */
	int waiting() {
		return this.waiting.size();
	}

	private void run() {
		List<Waiting<T, R>> batch = new ArrayList<>(this.max);
		boolean stopping = false;
		while (!stopping) {
			try {
				batch.add(this.waiting.take());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			this.waiting.drainTo(batch, this.max - 1);
			stopping = batch.remove(this.stop);
			if (!batch.isEmpty()) {
				answer(batch);
			}
			batch.clear();
		}
	}

	private void answer(List<Waiting<T, R>> batch) {
		try {
			List<R> answers = this.operation.apply(batch.stream().map(Waiting::item).toList());
			for (int i = 0; i < batch.size(); i++) {
				batch.get(i).answer().complete(answers.get(i));
			}
		}
		catch (RuntimeException | Error ex) {
			log.debug("A batch of {} ({} items) failed", this.name, batch.size());
			batch.forEach((each) -> each.answer().completeExceptionally(ex));
		}
	}

	private record Waiting<T, R>(T item, CompletableFuture<R> answer) {
	}

}
