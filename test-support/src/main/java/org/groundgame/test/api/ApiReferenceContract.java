package org.groundgame.test.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test every service runs to keep its API reference in the repository
 * ({@code docs/api/<service>.md}) what its OpenAPI document says. A service's
 * {@code ApiReferenceTests} extends this with its own integration-test annotation (a
 * running server on a random port) and names itself; after a change of the API, run it
 * with {@code -Dapi-reference.write=true} and commit the file it writes.
 */
public abstract class ApiReferenceContract {

	private final String service;

	@LocalServerPort
	private int port;

	/**
	 * @param service the service's module name, e.g. {@code endorsement-service}
	 */
	protected ApiReferenceContract(String service) {
		this.service = service;
	}

	@Test
	void theCommittedApiReferenceIsTheServicesOpenApiDocument() throws Exception {
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/v3/api-docs")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("GET /v3/api-docs").isEqualTo(200);
			ApiReference.verify(this.service, response.body());
		}
	}

}
