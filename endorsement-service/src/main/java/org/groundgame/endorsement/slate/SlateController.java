package org.groundgame.endorsement.slate;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.groundgame.endorsement.nomination.NominationView.NominatorView;
import org.groundgame.endorsement.nomination.NominationView;
import org.groundgame.endorsement.nomination.domain.Nominator;
import org.groundgame.security.Caller;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Slates: several nominations put forward together. */
@RestController
@Tag(name = "Slates", description = "Several nominations put forward together by one nominator")
@RequestMapping("/api/slates")
public class SlateController {

	private final SlateService slates;

	SlateController(SlateService slates) {
		this.slates = slates;
	}

	@Operation(summary = "Submit a slate of nominations (anyone; attributed as a nomination is)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "A chapter's slate for the city council",
							value = "{\"name\":\"St. Louis People's Slate\",\"nominatedBy\":{\"name\":\"Jordan Ellis\",\"email\":\"jordan@example.org\",\"chapterId\":\"chapter-stl\"},\"statement\":\"Four organizers for a city that works for working people.\",\"nominations\":[{\"candidate\":{\"name\":\"Marcus Hill\",\"email\":\"marcus@example.org\"},\"race\":{\"office\":\"Alderperson\",\"level\":\"LOCAL\",\"state\":\"MO\",\"district\":\"Ward 6\",\"jurisdiction\":\"City of St. Louis\",\"electionDate\":\"2027-04-06\"}},{\"candidate\":{\"name\":\"Ana Ruiz\"},\"race\":{\"office\":\"Alderperson\",\"level\":\"LOCAL\",\"state\":\"MO\",\"district\":\"Ward 9\",\"jurisdiction\":\"City of St. Louis\",\"electionDate\":\"2027-04-06\"},\"statement\":\"Led the Ward 9 tenants' union.\"}]}"))))
	@PostMapping
	ResponseEntity<SlateView> submit(@Valid @RequestBody SlateRequest request, Caller caller) {
		SlateService.Slate slate = this.slates.submit(caller, request);
		return ResponseEntity.created(URI.create("/api/slates/" + slate.id())).body(SlateView.of(slate, caller));
	}

	@Operation(summary = "One slate with its nominations (staff, or the chapter that put it forward)")
	@GetMapping("/{id}")
	SlateView slate(@PathVariable String id, Caller caller) {
		return SlateView.of(this.slates.slate(caller, id), caller);
	}

	record SlateView(String id, String name, String statement, NominatorView nominatedBy, Instant submittedAt,
			List<NominationView> nominations) {

		/**
		 * Without a token, without the candidates' ids
		 * ({@link NominationView#submitted}).
		 */
		static SlateView of(SlateService.Slate slate, Caller caller) {
			Nominator nominator = slate.nominatedBy();
			return new SlateView(slate.id(), slate.name(), slate.statement(),
					(nominator != null)
							? new NominatorView(nominator.name(), nominator.email(), nominator.chapterId()) : null,
					slate.submittedAt(),
					slate.nominations()
						.stream()
						.map((nomination) -> NominationView.submitted(nomination, caller))
						.toList());
		}

	}

}
