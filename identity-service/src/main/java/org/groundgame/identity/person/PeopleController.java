package org.groundgame.identity.person;

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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/people} (STAFF): inviting a person, the list, one person, changing a role,
 * disabling and enabling, and sending an invitation again. People are named by an opaque
 * id, never by their e-mail address.
 */
@RestController
@RequestMapping(PeopleController.PATH)
@Tag(name = "People", description = "The people who sign in through the browser: invitations, roles and chapters, "
		+ "disabling and enabling. Staff only; people are named by an opaque id, never their e-mail address.")
class PeopleController {

	static final String PATH = "/api/people";

	static final int MAX_PAGE_SIZE = 100;

	private final PeopleAdministration people;

	PeopleController(PeopleAdministration people) {
		this.people = people;
	}

	@PostMapping
	@Operation(summary = "Invite a person by e-mail; the invitation link is e-mailed to them, never answered",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "A chapter organizer",
							value = "{\"email\":\"avery@example.org\",\"displayName\":\"Avery Organizer\","
									+ "\"role\":\"CHAPTER\",\"chapterId\":\"chapter-stl\"}"))))
	ResponseEntity<PersonResponse> invite(@Valid @RequestBody InvitePersonRequest request) {
		PeopleAdministration.Invited invited = this.people.invite(request.email(), request.displayName(),
				request.role(), request.chapterId());
		return ResponseEntity.created(URI.create(PATH + "/" + invited.person().id()))
			.body(PersonResponse.of(invited.person(), invited.invitationExpiresAt()));
	}

	@GetMapping
	@Operation(summary = "List the people, the newest first")
	PagedModel<PersonResponse> people(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
		return new PagedModel<>(this.people.people(page, size).map((person) -> PersonResponse.of(person, null)));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One person")
	PersonResponse person(@PathVariable String id) {
		return PersonResponse.of(this.people.person(id), null);
	}

	@PutMapping("/{id}/role")
	@Operation(summary = "Change a person's role, and chapter for a chapter organizer",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "Organizer of a chapter",
							value = "{\"role\":\"CHAPTER\",\"chapterId\":\"chapter-stl\"}"))))
	PersonResponse changeRole(@PathVariable String id, @Valid @RequestBody ChangeRoleRequest request) {
		return PersonResponse.of(this.people.changeRole(id, request.role(), request.chapterId()), null);
	}

	@PostMapping("/{id}/disable")
	@Operation(summary = "Disable a person: they can no longer sign in, and their sessions are no longer refreshed")
	PersonResponse disable(@PathVariable String id) {
		return PersonResponse.of(this.people.disable(id), null);
	}

	@PostMapping("/{id}/enable")
	@Operation(summary = "Enable a disabled person again")
	PersonResponse enable(@PathVariable String id) {
		return PersonResponse.of(this.people.enable(id), null);
	}

	@PostMapping("/{id}/invitation")
	@Operation(
			summary = "E-mail a person who has not set a password yet a new invitation link; the earlier one stops working")
	PersonResponse resendInvitation(@PathVariable String id) {
		PeopleAdministration.Invited invited = this.people.resendInvitation(id);
		return PersonResponse.of(invited.person(), invited.invitationExpiresAt());
	}

}
