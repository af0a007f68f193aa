package org.groundgame.identity.person;

import java.net.URI;

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
class PeopleController {

	static final String PATH = "/api/people";

	static final int MAX_PAGE_SIZE = 100;

	private final PeopleAdministration people;

	PeopleController(PeopleAdministration people) {
		this.people = people;
	}

	@PostMapping
	ResponseEntity<PersonResponse> invite(@Valid @RequestBody InvitePersonRequest request) {
		PeopleAdministration.Invited invited = this.people.invite(request.email(), request.displayName(),
				request.role(), request.chapterId());
		return ResponseEntity.created(URI.create(PATH + "/" + invited.person().id()))
			.body(PersonResponse.of(invited.person(), invited.invitationExpiresAt()));
	}

	@GetMapping
	PagedModel<PersonResponse> people(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
		return new PagedModel<>(this.people.people(page, size).map((person) -> PersonResponse.of(person, null)));
	}

	@GetMapping("/{id}")
	PersonResponse person(@PathVariable String id) {
		return PersonResponse.of(this.people.person(id), null);
	}

	@PutMapping("/{id}/role")
	PersonResponse changeRole(@PathVariable String id, @Valid @RequestBody ChangeRoleRequest request) {
		return PersonResponse.of(this.people.changeRole(id, request.role(), request.chapterId()), null);
	}

	@PostMapping("/{id}/disable")
	PersonResponse disable(@PathVariable String id) {
		return PersonResponse.of(this.people.disable(id), null);
	}

	@PostMapping("/{id}/enable")
	PersonResponse enable(@PathVariable String id) {
		return PersonResponse.of(this.people.enable(id), null);
	}

	@PostMapping("/{id}/invitation")
	PersonResponse resendInvitation(@PathVariable String id) {
		PeopleAdministration.Invited invited = this.people.resendInvitation(id);
		return PersonResponse.of(invited.person(), invited.invitationExpiresAt());
	}

}
