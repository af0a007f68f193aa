package org.groundgame.gateway;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** Calls the gateway under test over HTTP/1.1, as a client on the network would. */
public final class GatewayClient {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient client;

	private final URI gateway;

	private final InetAddress from;

	/**
	 * @param port the gateway's port on 127.0.0.1
	 */
	public GatewayClient(int port) {
		this(port, InetAddress.getLoopbackAddress());
	}

	/**
	 * @param port the gateway's port on 127.0.0.1
	 * @param from the client's own address, e.g. {@code 127.0.0.2}, to be another client
	 */
	public GatewayClient(int port, InetAddress from) {
		this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).localAddress(from).build();
		this.gateway = URI.create("http://127.0.0.1:" + port);
		this.from = from;
	}

	/** The address this client calls from. */
	public InetAddress localAddress() {
		return this.from;
	}

	public URI uri(String path) {
		return this.gateway.resolve(path);
	}

	public String authority() {
		return this.gateway.getAuthority();
	}

	public HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(uri(path));
	}

	public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.client.send(request.build(), BodyHandlers.ofString());
	}

	public HttpResponse<String> get(String path) throws Exception {
		return send(request(path));
	}

	/** A request with a bearer token, or none when {@code token} is {@code null}. */
	public HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
		HttpRequest.Builder request = request(path).method(method,
				(body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request);
	}

	@SuppressWarnings("unchecked")
	public static Map<String, Object> json(HttpResponse<String> response) {
		return json.readValue(response.body(), Map.class);
	}

}
