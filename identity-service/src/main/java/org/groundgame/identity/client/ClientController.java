package org.groundgame.identity.client;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/clients} (STAFF): registering a client (its secret answered once), the
 * list, one client, and disabling one.
 */
@RestController
@RequestMapping(ClientController.PATH)
@Tag(name = "Clients",
		description = "The platform's machine clients (a chapter's integration, a staff or a school tool), "
				+ "which get tokens with their id and secret. Staff only.")
class ClientController {

	static final String PATH = "/api/clients";

	static final int MAX_PAGE_SIZE = 100;

	private final ClientService clients;

	ClientController(ClientService clients) {
		this.clients = clients;
	}

	@PostMapping
	@Operation(summary = "Register a client; its secret is in this answer and never shown again",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "A chapter's CRM",
							value = "{\"name\":\"Columbia chapter CRM\",\"role\":\"CHAPTER\",\"chapterId\":\"chapter-como\"}"))))
	ResponseEntity<RegisteredClientResponse> register(@Valid @RequestBody RegisterClientRequest request) {
		ClientService.Registration registration = this.clients.register(request.name(), request.role(),
				request.chapterId());
		// A relative reference, so that it holds behind the gateway too.
		return ResponseEntity.created(URI.create(PATH + "/" + registration.client().clientId()))
			.body(RegisteredClientResponse.of(registration));
	}

	@GetMapping
	@Operation(summary = "List the clients, the newest first (never their secrets)")
	PagedModel<ClientResponse> clients(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
		return new PagedModel<>(this.clients.clients(page, size).map(ClientResponse::of));
	}

	@GetMapping("/{clientId}")
	@Operation(summary = "One client")
	ClientResponse client(@PathVariable String clientId) {
		return ClientResponse.of(this.clients.client(clientId));
	}

	@DeleteMapping("/{clientId}")
	@Operation(summary = "Disable a client: it gets no more tokens (those it holds stay valid until they expire)")
	ResponseEntity<Void> disable(@PathVariable String clientId) {
		this.clients.disable(clientId);
		return ResponseEntity.noContent().build();
	}

}
