package org.groundgame.volunteer;

import org.groundgame.test.api.ApiReferenceContract;

/**
 * The API reference in the repository ({@code docs/api/volunteer-service.md}) is what the
 * service's OpenAPI document says: after a change of the API, run this test with
 * {@code -Dapi-reference.write=true} and commit the file it writes.
 */
@VolunteerServiceIntegrationTest
class ApiReferenceTests extends ApiReferenceContract {

	ApiReferenceTests() {
		super("volunteer-service");
	}

}
