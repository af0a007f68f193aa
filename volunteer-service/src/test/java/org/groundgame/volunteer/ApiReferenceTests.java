package org.groundgame.volunteer;

import org.groundgame.test.api.ApiReference;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The API reference in the repository ({@code docs/api/volunteer-service.md}) is what the
 * service's OpenAPI document says: after a change of the API, run this test with
 * {@code -Dapi-reference.write=true} and commit the file it writes.
 */
@VolunteerServiceIntegrationTest
class ApiReferenceTests {

	@Autowired
	RestTestClient client;

	@Test
	void theCommittedApiReferenceIsTheServicesOpenApiDocument() {
		String document = this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		ApiReference.verify("volunteer-service", document);
	}

}
