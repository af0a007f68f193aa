package org.groundgame.training;

import org.groundgame.test.api.ApiReferenceContract;

/**
 * The API reference in the repository ({@code docs/api/campaign-training-service.md}) is
 * what the service's OpenAPI document says: after a change of the API, run this test with
 * {@code -Dapi-reference.write=true} and commit the file it writes.
 */
@CampaignTrainingServiceIntegrationTest
class ApiReferenceTests extends ApiReferenceContract {

	ApiReferenceTests() {
		super("campaign-training-service");
	}

}
