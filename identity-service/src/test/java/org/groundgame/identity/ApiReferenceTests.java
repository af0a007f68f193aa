package org.groundgame.identity;

import org.groundgame.test.api.ApiReferenceContract;

/**
 * The API reference in the repository ({@code docs/api/identity-service.md}) is what the
 * service's OpenAPI document says: after a change of the API, run this test with
 * {@code -Dapi-reference.write=true} and commit the file it writes.
 */
@IdentityServiceIntegrationTest
class ApiReferenceTests extends ApiReferenceContract {

	ApiReferenceTests() {
		super("identity-service");
	}

}
