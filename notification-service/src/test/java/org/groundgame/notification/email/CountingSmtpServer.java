package org.groundgame.notification.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server on 127.0.0.1 that takes every message and counts what GreenMail does not
 * say: the connections made, those still open, and the messages taken (by
 * {@code Message-ID}, in the order they were taken). It can hang up on every open
 * connection, and drop the connection in the middle of a message of the test's choosing.
 * Enough of RFC 5321 for Jakarta Mail's client, nothing more.
 */
final class CountingSmtpServer implements AutoCloseable {

	private final ServerSocket socket;

	private final AtomicInteger connections = new AtomicInteger();

	private final AtomicInteger quits = new AtomicInteger();

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private final List<String> taken = new ArrayList<>();

	private final AtomicInteger messagesBegun = new AtomicInteger();

	private volatile Set<Integer> dropDuring = Set.of();

	CountingSmtpServer() throws IOException {
		this.socket = new ServerSocket();
		this.socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
		Thread.ofVirtual().name("counting-smtp").start(this::serve);
	}

	int port() {
		return this.socket.getLocalPort();
	}

	/** Connections made since the start. */
	int connections() {
		return this.connections.get();
	}

	/** Connections still open (neither side has closed them). */
	int open() {
		return this.open.size();
	}

	/** Connections the client ended with {@code QUIT}. */
	int quits() {
		return this.quits.get();
	}

	/** The Message-IDs of the messages taken, in the order they were. */
	List<String> taken() {
		synchronized (this.taken) {
			return List.copyOf(this.taken);
		}
	}

	/** Closes every open connection, as a server that restarts or times them out. */
	void hangUp() throws IOException {
		for (Socket client : this.open) {
			client.close();
		}
	}

	/**
	 * Closes the connection after the first line of the content of each of these messages
	 * (counted from the start, from 1, each try of a message counting), which is then not
	 * taken.
	 */
	void dropDuringMessages(Integer... n) {
		this.dropDuring = Set.of(n);
	}

	private void serve() {
		while (!this.socket.isClosed()) {
			try {
				Socket client = this.socket.accept();
				this.connections.incrementAndGet();
				this.open.add(client);
				Thread.ofVirtual().name("counting-smtp-client").start(() -> {
					try (client) {
						converse(client);
					}
					catch (IOException ex) {
						// The client went away, or the test hung up.
					}
					finally {
						this.open.remove(client);
					}
				});
			}
			catch (IOException ex) {
				// Closed.
			}
		}
	}

	private void converse(Socket client) throws IOException {
		BufferedReader in = new BufferedReader(
				new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
		Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
		reply(out, "220 counting.test ESMTP");
		String line;
		while ((line = in.readLine()) != null) {
			String command = line.toUpperCase(Locale.ROOT);
			if (command.startsWith("EHLO") || command.startsWith("HELO")) {
				reply(out, "250 counting.test");
			}
			else if (command.startsWith("MAIL") || command.startsWith("RCPT") || command.startsWith("RSET")
					|| command.startsWith("NOOP")) {
				reply(out, "250 2.0.0 OK");
			}
			else if (command.startsWith("DATA")) {
				reply(out, "354 go ahead");
				if (!content(in, client)) {
					return;
				}
				reply(out, "250 2.0.0 taken");
			}
			else if (command.startsWith("QUIT")) {
				this.quits.incrementAndGet();
				reply(out, "221 2.0.0 bye");
				return;
			}
			else {
				reply(out, "502 5.5.1 not implemented");
			}
		}
	}

	/**
	 * Reads a message's content up to its lone dot; false if the connection was dropped.
	 */
	private boolean content(BufferedReader in, Socket client) throws IOException {
		int number = this.messagesBegun.incrementAndGet();
		String messageId = null;
		String line;
		while ((line = in.readLine()) != null) {
			if (this.dropDuring.contains(number)) {
				client.close();
				return false;
			}
			if (line.equals(".")) {
				synchronized (this.taken) {
					this.taken.add(messageId);
				}
				return true;
			}
			if (messageId == null && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
				messageId = line.substring(11).strip();
			}
		}
		return false;
	}

	private static void reply(Writer out, String line) throws IOException {
		out.write(line + "\r\n");
		out.flush();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
		hangUp();
	}

}
