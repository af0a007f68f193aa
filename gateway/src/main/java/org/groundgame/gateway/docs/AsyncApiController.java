package org.groundgame.gateway.docs;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The events' catalog, {@code GET /asyncapi.yaml}: the AsyncAPI document of the event
 * contracts module, next to Swagger UI's OpenAPI documents.
 */
@RestController
class AsyncApiController {

	static final String MEDIA_TYPE = "application/yaml";

	private final Resource document = new ClassPathResource("asyncapi.yaml");

	@GetMapping(path = "/asyncapi.yaml", produces = MEDIA_TYPE)
	Resource asyncApi() {
		return this.document;
	}

}
