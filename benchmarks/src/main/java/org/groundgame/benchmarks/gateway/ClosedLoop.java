package org.groundgame.benchmarks.gateway;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import org.groundgame.benchmarks.pages.GatewayGetPath;

/**
 * Saturation: a fixed number of connections, each sending its next request as soon as the
 * previous answer's body is read (a closed loop), first for a warm-up, then measured. The
 * throughput is what the path can answer with that many requests in flight; the latencies
 * are service times under that load (a closed loop waits for each answer, so they say
 * nothing about a fixed rate: the fixed-rate phase does).
 */
public final class ClosedLoop {

	private final HttpClient client;

	private final int connections;

	/**
	 * @param client the client, shared by the paths of a run
	 * @param connections the requests in flight, each on its own connection
	 */
	public ClosedLoop(HttpClient client, int connections) {
		this.client = client;
		this.connections = connections;
	}

	/**
	 * Sends the request from every connection for the warm-up, then for the measured
	 * time.
	 * @param request what to send
	 * @param warmUp time before measuring
	 * @param measured measured time
	 * @param answers where the statuses of every answer are counted, warm-up included
	 * @param cpu measured around the measured time
	 * @return the figures of the measured time
	 */
	public Result run(HttpRequest request, Duration warmUp, Duration measured, GatewayGetPath.Answers answers,
			ProcessCpu cpu) throws InterruptedException {
		Recorder latencies = new Recorder(3);
		AtomicLong successful = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		long start = System.nanoTime();
		long measuring = start + warmUp.toNanos();
		long end = measuring + measured.toNanos();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < this.connections; i++) {
			threads.add(Thread.ofPlatform().name("closed-loop-" + i).start(() -> {
				long now;
				while ((now = System.nanoTime()) < end) {
					boolean counted = now >= measuring;
					try {
						HttpResponse<byte[]> response = this.client.send(request,
								HttpResponse.BodyHandlers.ofByteArray());
						answers.answered(response.statusCode(), response.body().length);
						long answered = System.nanoTime();
						if (counted && answered <= end) {
							latencies.recordValue(answered - now);
							(response.statusCode() / 100 == 2 ? successful : failed).incrementAndGet();
						}
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
					catch (Exception ex) {
						answers.failed(ex);
						if (counted) {
							failed.incrementAndGet();
						}
					}
				}
			}));
		}
		sleepUntil(measuring);
		ProcessCpu.Sample cpuAtStart = cpu.sample();
		sleepUntil(end);
		ProcessCpu.Usage usage = cpu.since(cpuAtStart);
		for (Thread thread : threads) {
			thread.join();
		}
		Histogram histogram = latencies.getIntervalHistogram();
		return new Result(successful.get(), failed.get(), measured, histogram, usage);
	}

	private static void sleepUntil(long nanoTime) throws InterruptedException {
		long remaining;
		while ((remaining = nanoTime - System.nanoTime()) > 0) {
			Thread.sleep(Duration.ofNanos(remaining));
		}
	}

	/**
	 * What a closed loop did in its measured time.
	 *
	 * @param successful answers with a 2xx status
	 * @param failed other answers and requests without an answer
	 * @param duration the measured time
	 * @param latencies each answer's time from its send (nanoseconds)
	 * @param cpu how busy the machine and the measured processes were
	 */
	public record Result(long successful, long failed, Duration duration, Histogram latencies, ProcessCpu.Usage cpu) {

		/** 2xx answers per second. */
		public double throughput() {
			return this.successful / (this.duration.toNanos() / 1e9);
		}

		public double millisAt(double percentile) {
			return this.latencies.getValueAtPercentile(percentile) / 1e6;
		}

	}

}
