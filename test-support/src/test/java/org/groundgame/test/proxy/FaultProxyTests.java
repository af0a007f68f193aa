package org.groundgame.test.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Each fault of {@link FaultProxy} against a real echo server on 127.0.0.1: what arrives,
 * when, and what a client sees. Times are asserted as lower bounds only (a fault adds at
 * least its delay; a busy machine adds more).
 */
class FaultProxyTests {

	private static final Duration PATIENCE = Duration.ofSeconds(10);

	private EchoServer echo;

	private FaultProxy proxy;

	private final List<Socket> clients = new CopyOnWriteArrayList<>();

	@BeforeEach
	void start() throws IOException {
		this.echo = new EchoServer();
		this.proxy = FaultProxy.to("127.0.0.1", this.echo.port());
	}

	@AfterEach
	void stop() throws IOException {
		this.proxy.close();
		for (Socket client : this.clients) {
			client.close();
		}
		this.echo.close();
	}

	@Test
	void forwardsEveryByteIntactBothWaysOverConcurrentConnections() throws Exception {
		int connections = 8;
		int size = 256 * 1024;
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<Boolean>> intact = new ArrayList<>();
			for (int i = 0; i < connections; i++) {
				byte[] sent = randomBytes(size, i);
				intact.add(threads.submit(() -> {
					try (Socket client = connect()) {
						return java.util.Arrays.equals(echoed(client, sent), sent);
					}
				}));
			}
			for (Future<Boolean> each : intact) {
				assertThat(each.get()).isTrue();
			}
		}
		assertThat(this.proxy.address()).isEqualTo("127.0.0.1:" + this.proxy.port());
		assertThat(this.proxy.connectionsAccepted()).isEqualTo(connections);
		await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(this.proxy.upstream().bytesForwarded()).isEqualTo((long) connections * size);
			assertThat(this.proxy.downstream().bytesForwarded()).isEqualTo((long) connections * size);
			assertThat(this.proxy.openConnections()).isZero();
		});
		assertThat(this.echo.received()).isEqualTo((long) connections * size);
	}

	@Test
	void faultsChangedWhileTrafficFlowsLeaveTheBytesIntact() throws Exception {
		AtomicBoolean flowing = new AtomicBoolean(true);
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			Future<?> toggler = threads.submit((Callable<Void>) () -> {
				while (flowing.get()) {
					this.proxy.downstream().latency(Duration.ofMillis(1)).bandwidth(4 * 1024 * 1024);
					this.proxy.upstream().latency(Duration.ofMillis(1));
					this.proxy.heal();
				}
				return null;
			});
			List<Future<Boolean>> intact = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				byte[] sent = randomBytes(128 * 1024, 100 + i);
				intact.add(threads.submit(() -> {
					try (Socket client = connect()) {
						return java.util.Arrays.equals(echoed(client, sent), sent);
					}
				}));
			}
			for (Future<Boolean> each : intact) {
				assertThat(each.get()).isTrue();
			}
			flowing.set(false);
			toggler.get();
		}
	}

	@Test
	void latencyDelaysEachDirectionByAtLeastTheConfiguredAmount() throws IOException {
		Socket client = connect();
		echoed(client, bytes("warm"));
		this.proxy.upstream().latency(Duration.ofMillis(150));
		this.proxy.downstream().latency(Duration.ofMillis(100));

		long started = System.nanoTime();
		byte[] answer = echoed(client, bytes("ping"));

		assertThat(answer).isEqualTo(bytes("ping"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
	}

	@Test
	void connectDelayHoldsEachNewConnectionAtLeastThatLong() throws IOException {
		this.proxy.connectDelay(Duration.ofMillis(300));

		long started = System.nanoTime();
		Socket client = connect();
		byte[] answer = echoed(client, bytes("hello"));

		assertThat(answer).isEqualTo(bytes("hello"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@Test
	void cutResetsAnOpenConnectionAtBothEnds() throws IOException {
		Socket client = connect();
		assertThat(echoed(client, bytes("before"))).isEqualTo(bytes("before"));
		await().atMost(PATIENCE).until(() -> this.echo.open() == 1);

		this.proxy.cut();

		assertThatExceptionOfType(SocketException.class).isThrownBy(() -> client.getInputStream().read())
			.withMessageContaining("reset");
		await().atMost(PATIENCE).until(() -> this.echo.open() == 0);
		assertThat(this.proxy.openConnections()).isZero();
		assertThat(this.proxy.isCut()).isTrue();
	}

	@Test
	void newConnectionsAreRefusedWhileCut() {
		this.proxy.cut();

		assertThatExceptionOfType(ConnectException.class).isThrownBy(this::connect).withMessageContaining("refused");
		assertThat(this.proxy.connectionsAccepted()).isZero();
	}

	@Test
	void restoreListensAgainOnTheSamePort() throws IOException {
		int port = this.proxy.port();
		this.proxy.cut();

		this.proxy.restore();

		assertThat(this.proxy.port()).isEqualTo(port);
		assertThat(this.proxy.isCut()).isFalse();
		Socket client = connect();
		assertThat(echoed(client, bytes("after"))).isEqualTo(bytes("after"));
	}

	@Test
	void aDroppedDownstreamTimesOutTheClientsReadWhileTheServerGetsEverything() throws IOException {
		Socket client = connect();
		client.setSoTimeout(300);
		this.proxy.downstream().drop();

		client.getOutputStream().write(bytes("into the hole"));

		assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(() -> client.getInputStream().read());
		await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(this.echo.received()).isEqualTo(13);
			assertThat(this.proxy.downstream().bytesDropped()).isEqualTo(13);
		});
		assertThat(this.proxy.openConnections()).as("the connection stays open").isOne();

		this.proxy.downstream().forward();

		assertThat(echoed(client, bytes("back"))).isEqualTo(bytes("back"));
	}

	@Test
	void aDroppedUpstreamReachesNothingOfTheServer() throws IOException {
		Socket client = connect();
		this.proxy.upstream().drop();

		client.getOutputStream().write(bytes("lost"));

		await().atMost(PATIENCE).until(() -> this.proxy.upstream().bytesDropped() == 4);
		assertThat(this.echo.received()).isZero();
		assertThat(this.proxy.upstream().bytesForwarded()).isZero();
	}

	@Test
	void slowCloseDelaysTheHalfCloseButNotTheBytes() throws IOException {
		Socket client = connect();
		this.proxy.upstream().slowClose(Duration.ofMillis(400));
		assertThat(echoed(client, bytes("last words"))).isEqualTo(bytes("last words"));

		long started = System.nanoTime();
		client.shutdownOutput();
		// The server half-closes once it sees ours, then the client reads the end.
		assertThat(client.getInputStream().read()).isEqualTo(-1);

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
		await().atMost(PATIENCE).until(() -> this.proxy.openConnections() == 0 && this.echo.open() == 0);
	}

	@Test
	void aHalfClosePassesAtOnceWithoutTheFault() throws IOException {
		Socket client = connect();
		client.getOutputStream().write(bytes("bye"));

		client.shutdownOutput();

		// Still readable after our half-close: the echo, then the server's own end.
		assertThat(client.getInputStream().readAllBytes()).isEqualTo(bytes("bye"));
	}

	@Test
	void bandwidthLimitsTheBytesPerSecond() throws Exception {
		Socket client = connect();
		this.proxy.downstream().bandwidth(50_000);
		byte[] sent = randomBytes(25_000, 7);

		long started = System.nanoTime();
		byte[] answer = echoed(client, sent);

		assertThat(answer).isEqualTo(sent);
		// Half a second's worth, less the last slice's share (a tenth of a second).
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
	}

	@Test
	void closeResetsEveryConnectionAndLeavesNoThread() throws IOException {
		Socket idle = connect();
		assertThat(echoed(idle, bytes("idle"))).isEqualTo(bytes("idle"));
		Socket slow = connect();
		this.proxy.downstream().latency(Duration.ofMinutes(5));
		slow.getOutputStream().write(bytes("never answered"));
		await().atMost(PATIENCE).until(() -> this.echo.received() == 4 + 14);
		// Accepting, and two per connection.
		await().atMost(PATIENCE).until(() -> this.proxy.liveThreads() == 5);

		this.proxy.close();

		assertThat(this.proxy.liveThreads()).isZero();
		assertThat(this.proxy.openConnections()).isZero();
		assertThatExceptionOfType(SocketException.class).isThrownBy(() -> idle.getInputStream().read());
		assertThatExceptionOfType(SocketException.class).isThrownBy(() -> slow.getInputStream().read());
		assertThatExceptionOfType(ConnectException.class).isThrownBy(this::connect);
		await().atMost(PATIENCE).until(() -> this.echo.open() == 0);
	}

	private Socket connect() throws IOException {
		Socket client = new Socket();
		this.clients.add(client);
		client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.proxy.port()), 5000);
		client.setSoTimeout((int) PATIENCE.toMillis());
		return client;
	}

	/**
	 * Sends the bytes (from another thread, so that neither side's buffers fill) and
	 * reads as many back.
	 */
	private static byte[] echoed(Socket client, byte[] sent) throws IOException {
		Thread writer = Thread.ofVirtual().start(() -> {
			try {
				OutputStream out = client.getOutputStream();
				out.write(sent);
				out.flush();
			}
			catch (IOException ex) {
				// The reader fails too.
			}
		});
		InputStream in = client.getInputStream();
		byte[] received = in.readNBytes(sent.length);
		try {
			writer.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return received;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
	}

	private static byte[] randomBytes(int size, long seed) {
		byte[] bytes = new byte[size];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

}
