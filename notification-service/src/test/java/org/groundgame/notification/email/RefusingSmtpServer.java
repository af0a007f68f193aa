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
import java.util.Locale;

/**
 * An SMTP server on 127.0.0.1 that answers {@code RCPT TO} with a reply of the test's
 * choosing: what GreenMail, which takes mail for anyone, cannot do. Enough of RFC 5321
 * for Jakarta Mail's client, nothing more.
 */
final class RefusingSmtpServer implements AutoCloseable {

	private final ServerSocket socket;

	private final String recipientReply;

	RefusingSmtpServer(String recipientReply) throws IOException {
		this.recipientReply = recipientReply;
		this.socket = new ServerSocket();
		this.socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
		Thread.ofVirtual().name("refusing-smtp").start(this::serve);
	}

	int port() {
		return this.socket.getLocalPort();
	}

	private void serve() {
		while (!this.socket.isClosed()) {
			try (Socket client = this.socket.accept()) {
				converse(client);
			}
			catch (IOException ex) {
				// Closed, or the client went away: wait for the next one.
			}
		}
	}

	private void converse(Socket client) throws IOException {
		BufferedReader in = new BufferedReader(
				new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
		Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
		reply(out, "220 refusing.test ESMTP");
		boolean data = false;
		String line;
		while ((line = in.readLine()) != null) {
			if (data) {
				if (line.equals(".")) {
					data = false;
					reply(out, "250 2.0.0 accepted");
				}
				continue;
			}
			String command = line.toUpperCase(Locale.ROOT);
			if (command.startsWith("EHLO") || command.startsWith("HELO")) {
				reply(out, "250 refusing.test");
			}
			else if (command.startsWith("MAIL") || command.startsWith("RSET") || command.startsWith("NOOP")) {
				reply(out, "250 2.0.0 OK");
			}
			else if (command.startsWith("RCPT")) {
				reply(out, this.recipientReply);
			}
			else if (command.startsWith("DATA")) {
				data = true;
				reply(out, "354 go ahead");
			}
			else if (command.startsWith("QUIT")) {
				reply(out, "221 2.0.0 bye");
				return;
			}
			else {
				reply(out, "502 5.5.1 not implemented");
			}
		}
	}

	private static void reply(Writer out, String line) throws IOException {
		out.write(line + "\r\n");
		out.flush();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
