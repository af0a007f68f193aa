package org.groundgame.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.groundgame.test.api.ApiReference;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API reference in the repository ({@code docs/api/identity-service.md}) is what the
 * service's OpenAPI document says: after a change of the API, run this test with
 * {@code -Dapi-reference.write=true} and commit the file it writes.
 */
@IdentityServiceIntegrationTest
class ApiReferenceTests {

	@LocalServerPort
	int port;

	@Test
	void theCommittedApiReferenceIsTheServicesOpenApiDocument() throws Exception {
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/v3/api-docs")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);

			ApiReference.verify("identity-service", response.body());
		}
	}

}
