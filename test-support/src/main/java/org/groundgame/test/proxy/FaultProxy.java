package org.groundgame.test.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy that injects faults, for tests: it listens on 127.0.0.1 on a free port in
 * front of one upstream {@code host:port}, forwards every byte both ways, and on demand,
 * at run time, per direction: delays each chunk ({@link Direction#latency}), drops
 * everything ({@link Direction#drop}, a black hole: the connection stays open and nothing
 * arrives), limits the bandwidth ({@link Direction#bandwidth}) and delays the half-close
 * ({@link Direction#slowClose}); for the whole proxy it delays each new connection
 * ({@link #connectDelay}) and cuts the line ({@link #cut()}: every open connection is
 * reset and new ones are refused, until {@link #restore()}).
 * <p>
 * {@link #upstream()} is what the client sends to the server, {@link #downstream()} what
 * the server answers. Faults apply to bytes read after they are set, on connections open
 * and new. Every setting may be changed from any thread while traffic flows.
 * <p>
 * Plain blocking {@code java.net} sockets, with one virtual thread to accept and two per
 * connection (one per direction). {@link #close()} resets every connection, stops
 * listening and waits for its threads to end.
 *
 * <pre class="code">
 * try (FaultProxy proxy = FaultProxy.to("127.0.0.1", 27017)) {
 * 	// point the client at proxy.address()
 * 	proxy.cut();
 * 	// … the client fails, fast …
 * 	proxy.restore();
 * }
 * </pre>
 */
public final class FaultProxy implements AutoCloseable {

	private static final int CHUNK = 8192;

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);

	private final InetSocketAddress upstreamAddress;

	private final InetAddress loopback;

	private final int port;

	private final Direction upstream = new Direction("upstream");

	private final Direction downstream = new Direction("downstream");

	private final Set<Link> links = ConcurrentHashMap.newKeySet();

	private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

	private final AtomicLong accepted = new AtomicLong();

	private volatile Duration connectDelay = Duration.ZERO;

	/** Guarded by this. */
	private ServerSocket listener;

	/** The thread accepting on the listener. Guarded by this. */
	private Thread acceptor;

	/** Guarded by this. */
	private boolean cut;

	/** Guarded by this. */
	private boolean closed;

	private FaultProxy(InetSocketAddress upstreamAddress) {
		this.upstreamAddress = upstreamAddress;
		this.loopback = InetAddress.getLoopbackAddress();
		this.listener = listen(0);
		this.port = this.listener.getLocalPort();
		this.acceptor = startAccepting(this.listener);
	}

	/**
	 * A proxy on 127.0.0.1, on a free port, in front of {@code host:port}, forwarding
	 * faithfully until told otherwise.
	 * @param host the upstream host
	 * @param port the upstream port
	 * @return the running proxy
	 */
	public static FaultProxy to(String host, int port) {
		return new FaultProxy(new InetSocketAddress(host, port));
	}

	/**
	 * A proxy in front of {@code host:port}, as a connection string has it.
	 * @param hostAndPort e.g. {@code 127.0.0.1:27017}
	 * @return the running proxy
	 */
	public static FaultProxy to(String hostAndPort) {
		int colon = hostAndPort.lastIndexOf(':');
		if (colon < 1) {
			throw new IllegalArgumentException("Not host:port: " + hostAndPort);
		}
		return to(hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1)));
	}

	/** The port the proxy listens on (the same after a cut and a restore). */
	public int port() {
		return this.port;
	}

	/**
	 * Where clients connect.
	 * @return {@code 127.0.0.1:PORT}
	 */
	public String address() {
		return this.loopback.getHostAddress() + ":" + this.port;
	}

	/** The upstream {@code host:port} the proxy forwards to. */
	public String upstreamAddress() {
		return this.upstreamAddress.getHostString() + ":" + this.upstreamAddress.getPort();
	}

	/** What clients send to the server. */
	public Direction upstream() {
		return this.upstream;
	}

	/** What the server answers to clients. */
	public Direction downstream() {
		return this.downstream;
	}

	/**
	 * Delays each new connection this long before it is connected upstream and carries
	 * anything (latency per connection; {@link Direction#latency} is per chunk).
	 * @param delay how long, zero for none
	 * @return this proxy
	 */
	public FaultProxy connectDelay(Duration delay) {
		this.connectDelay = nonNegative(delay);
		return this;
	}

	/**
	 * Cuts the line: every open connection is reset (both ends get an RST), and new
	 * connections are refused (the proxy stops listening) until {@link #restore()}.
	 */
	public void cut() {
		Thread stopping;
		synchronized (this) {
			if (this.cut || this.closed) {
				return;
			}
			this.cut = true;
			closeQuietly(this.listener);
			stopping = this.acceptor;
		}
		this.links.forEach(Link::reset);
		// The port is free once the thread blocked in accept has let the socket go.
		join(stopping);
	}

	/**
	 * Ends a cut: the proxy listens again, on the same port.
	 * @throws UncheckedIOException if another process took the port meanwhile
	 */
	public synchronized void restore() {
		if (!this.cut || this.closed) {
			return;
		}
		this.listener = listenAgain();
		this.cut = false;
		this.acceptor = startAccepting(this.listener);
	}

	/** Whether the line is cut. */
	public synchronized boolean isCut() {
		return this.cut;
	}

	/** Ends every fault, and a cut: the proxy forwards faithfully again. */
	public void heal() {
		this.upstream.clear();
		this.downstream.clear();
		this.connectDelay = Duration.ZERO;
		restore();
	}

	/** Connections accepted since the proxy started (those refused while cut are not). */
	public long connectionsAccepted() {
		return this.accepted.get();
	}

	/** Connections open now. */
	public int openConnections() {
		return this.links.size();
	}

	/**
	 * The proxy's threads still alive (accepting, connecting and forwarding): none once
	 * {@link #close()} has returned.
	 */
	public int liveThreads() {
		return (int) this.threads.stream().filter(Thread::isAlive).count();
	}

	/**
	 * Resets every connection, stops listening, and waits (a few seconds at most) for the
	 * proxy's threads to end.
	 */
	@Override
	public void close() {
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			closeQuietly(this.listener);
		}
		this.links.forEach(Link::reset);
		long deadline = System.nanoTime() + JOIN_TIMEOUT.toNanos();
		for (Thread thread : List.copyOf(this.threads)) {
			thread.interrupt();
		}
		try {
			for (Thread thread : List.copyOf(this.threads)) {
				long left = deadline - System.nanoTime();
				if (left > 0) {
					thread.join(Duration.ofNanos(left));
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public String toString() {
		return "FaultProxy " + address() + " -> " + upstreamAddress();
	}

	private ServerSocket listen(int port) {
		try {
			ServerSocket socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(this.loopback, port), 128);
			return socket;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not listen on " + this.loopback.getHostAddress() + ":" + port, ex);
		}
	}

	/**
	 * Listens on the proxy's port again, trying for a moment while the system still holds
	 * the port of the socket just closed.
	 */
	private ServerSocket listenAgain() {
		long deadline = System.nanoTime() + JOIN_TIMEOUT.toNanos();
		while (true) {
			try {
				return listen(this.port);
			}
			catch (UncheckedIOException ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
				LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
			}
		}
	}

	private static void join(Thread thread) {
		try {
			thread.join(JOIN_TIMEOUT);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private Thread startAccepting(ServerSocket socket) {
		return start("fault-proxy-accept-" + this.port, () -> accept(socket));
	}

	private void accept(ServerSocket socket) {
		while (!socket.isClosed()) {
			Socket client;
			try {
				client = socket.accept();
			}
			catch (IOException ex) {
				// Cut or closed.
				return;
			}
			this.accepted.incrementAndGet();
			Link link = new Link(client);
			if (!register(link)) {
				link.reset();
				continue;
			}
			start("fault-proxy-connect-" + this.port, () -> connect(link));
		}
	}

	private synchronized boolean register(Link link) {
		if (this.cut || this.closed) {
			return false;
		}
		this.links.add(link);
		return true;
	}

	private void connect(Link link) {
		try {
			Duration delay = this.connectDelay;
			if (delay.isPositive()) {
				Thread.sleep(delay);
			}
			Socket server = new Socket();
			server.setTcpNoDelay(true);
			link.server(server);
			server.connect(this.upstreamAddress, (int) CONNECT_TIMEOUT.toMillis());
			link.client.setTcpNoDelay(true);
			start("fault-proxy-up-" + this.port, () -> pump(link, this.upstream, link.client, server));
			start("fault-proxy-down-" + this.port, () -> pump(link, this.downstream, server, link.client));
		}
		catch (IOException ex) {
			link.reset();
		}
		catch (InterruptedException ex) {
			link.reset();
			Thread.currentThread().interrupt();
		}
	}

	/** Forwards one direction of a connection until its end, with the faults set. */
	private void pump(Link link, Direction direction, Socket from, Socket to) {
		byte[] buffer = new byte[CHUNK];
		try {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			int read;
			while ((read = in.read(buffer)) != -1) {
				Duration latency = direction.latency;
				if (latency.isPositive()) {
					Thread.sleep(latency);
				}
				if (direction.dropping) {
					direction.dropped.addAndGet(read);
					continue;
				}
				write(direction, buffer, read, out);
			}
			Duration slowClose = direction.slowClose;
			if (slowClose.isPositive()) {
				Thread.sleep(slowClose);
			}
			// The sender half-closed: pass it on, the other direction may go on.
			to.shutdownOutput();
			link.halfClosed();
		}
		catch (IOException ex) {
			link.reset();
		}
		catch (InterruptedException ex) {
			link.reset();
			Thread.currentThread().interrupt();
		}
	}

	private static void write(Direction direction, byte[] buffer, int length, OutputStream out)
			throws IOException, InterruptedException {
		long bytesPerSecond = direction.bytesPerSecond;
		if (bytesPerSecond <= 0) {
			out.write(buffer, 0, length);
			out.flush();
			direction.forwarded.addAndGet(length);
			return;
		}
		// Slices of a tenth of a second's worth, each followed by its share of time.
		int slice = (int) Math.max(1, Math.min(length, bytesPerSecond / 10));
		for (int offset = 0; offset < length; offset += slice) {
			int size = Math.min(slice, length - offset);
			out.write(buffer, offset, size);
			out.flush();
			direction.forwarded.addAndGet(size);
			Thread.sleep(Duration.ofNanos(size * 1_000_000_000L / bytesPerSecond));
		}
	}

	private Thread start(String name, Runnable task) {
		Thread thread = Thread.ofVirtual().name(name).unstarted(() -> {
			try {
				task.run();
			}
			finally {
				this.threads.remove(Thread.currentThread());
			}
		});
		this.threads.add(thread);
		thread.start();
		return thread;
	}

	private static Duration nonNegative(Duration duration) {
		Objects.requireNonNull(duration, "duration");
		if (duration.isNegative()) {
			throw new IllegalArgumentException("A duration must not be negative: " + duration);
		}
		return duration;
	}

	private static void closeQuietly(ServerSocket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Closed anyway.
		}
	}

	/**
	 * The faults and the counts of one direction of every connection. Setters return this
	 * direction, so faults chain: {@code proxy.downstream().latency(…).bandwidth(…)}.
	 */
	public static final class Direction {

		private final String name;

		private final AtomicLong forwarded = new AtomicLong();

		private final AtomicLong dropped = new AtomicLong();

		private volatile Duration latency = Duration.ZERO;

		private volatile boolean dropping;

		private volatile long bytesPerSecond;

		private volatile Duration slowClose = Duration.ZERO;

		private Direction(String name) {
			this.name = name;
		}

		/**
		 * Delays each chunk read (up to 8 KiB, as it came off the wire) this long before
		 * it is forwarded.
		 * @param latency how long, zero for none
		 * @return this direction
		 */
		public Direction latency(Duration latency) {
			this.latency = nonNegative(latency);
			return this;
		}

		/**
		 * Drops every byte from now on, until {@link #forward()}: the connections stay
		 * open and nothing arrives (a black hole). A half-close still passes.
		 * @return this direction
		 */
		public Direction drop() {
			this.dropping = true;
			return this;
		}

		/**
		 * Forwards again what it dropped from now on (what was dropped stays lost).
		 * @return this direction
		 */
		public Direction forward() {
			this.dropping = false;
			return this;
		}

		/**
		 * Limits each connection's bytes in this direction to this many per second.
		 * @param bytesPerSecond the limit, 0 for none
		 * @return this direction
		 */
		public Direction bandwidth(long bytesPerSecond) {
			if (bytesPerSecond < 0) {
				throw new IllegalArgumentException("A bandwidth must not be negative: " + bytesPerSecond);
			}
			this.bytesPerSecond = bytesPerSecond;
			return this;
		}

		/**
		 * Delays passing on the sender's half-close (its FIN) this long.
		 * @param delay how long, zero for none
		 * @return this direction
		 */
		public Direction slowClose(Duration delay) {
			this.slowClose = nonNegative(delay);
			return this;
		}

		/**
		 * Ends every fault of this direction.
		 * @return this direction
		 */
		public Direction clear() {
			this.latency = Duration.ZERO;
			this.dropping = false;
			this.bytesPerSecond = 0;
			this.slowClose = Duration.ZERO;
			return this;
		}

		/** Bytes forwarded in this direction, over every connection. */
		public long bytesForwarded() {
			return this.forwarded.get();
		}

		/** Bytes dropped in this direction, over every connection. */
		public long bytesDropped() {
			return this.dropped.get();
		}

		@Override
		public String toString() {
			return this.name + " (latency " + this.latency + ", dropping " + this.dropping + ", bandwidth "
					+ this.bytesPerSecond + " B/s, slow close " + this.slowClose + ")";
		}

	}

	/** One client's connection and its connection upstream. */
	private final class Link {

		private final Socket client;

		/** Guarded by this. */
		private Socket server;

		/** Guarded by this. */
		private boolean reset;

		/** Guarded by this. */
		private int halfClosed;

		Link(Socket client) {
			this.client = client;
		}

		synchronized void server(Socket server) throws SocketException {
			if (this.reset) {
				throw new SocketException("Reset before connecting upstream");
			}
			this.server = server;
		}

		/** One direction ended; when both have, the connection is done. */
		void halfClosed() {
			synchronized (this) {
				if (++this.halfClosed < 2 || this.reset) {
					return;
				}
				this.reset = true;
			}
			closeQuietly(this.client, false);
			closeQuietly(this.server, false);
			FaultProxy.this.links.remove(this);
		}

		/** Resets both ends (an RST, not a FIN) and forgets the connection. */
		void reset() {
			Socket server;
			synchronized (this) {
				this.reset = true;
				server = this.server;
			}
			closeQuietly(this.client, true);
			closeQuietly(server, true);
			FaultProxy.this.links.remove(this);
		}

		private static void closeQuietly(Socket socket, boolean reset) {
			if (socket == null) {
				return;
			}
			try {
				if (reset && !socket.isClosed()) {
					// Linger 0: close sends an RST.
					socket.setSoLinger(true, 0);
				}
			}
			catch (IOException ex) {
				// Closing anyway.
			}
			try {
				socket.close();
			}
			catch (IOException ex) {
				// Closed anyway.
			}
		}

	}

}
