package org.groundgame.test.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP echo server on 127.0.0.1 for the proxy's tests: it sends back every byte it
 * receives, half-closes when the client does, and counts the bytes it received and the
 * connections open.
 */
final class EchoServer implements AutoCloseable {

	private final ServerSocket socket;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private final AtomicLong received = new AtomicLong();

	EchoServer() throws IOException {
		this.socket = new ServerSocket();
		this.socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		Thread.ofVirtual().name("echo-accept").start(this::serve);
	}

	int port() {
		return this.socket.getLocalPort();
	}

	/** Connections open at the server. */
	int open() {
		return this.open.size();
	}

	/** Bytes received, over every connection. */
	long received() {
		return this.received.get();
	}

	private void serve() {
		while (!this.socket.isClosed()) {
			try {
				Socket client = this.socket.accept();
				this.open.add(client);
				Thread.ofVirtual().name("echo").start(() -> echo(client));
			}
			catch (IOException ex) {
				// Closed.
			}
		}
	}

	private void echo(Socket client) {
		try (client) {
			InputStream in = client.getInputStream();
			OutputStream out = client.getOutputStream();
			byte[] buffer = new byte[4096];
			int read;
			while ((read = in.read(buffer)) != -1) {
				this.received.addAndGet(read);
				out.write(buffer, 0, read);
				out.flush();
			}
			client.shutdownOutput();
		}
		catch (IOException ex) {
			// Reset by the proxy.
		}
		finally {
			this.open.remove(client);
		}
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
		for (Socket client : this.open) {
			client.close();
		}
	}

}
