package org.groundgame.volunteer.chapter;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.groundgame.security.Caller;
import org.groundgame.support.geography.UsState;
import org.groundgame.support.geography.UsStateCode;

import org.springframework.data.web.PagedModel;
import org.springframework.http.MediaType;
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
 * {@code /api/chapters}: registering a chapter (national staff only), updating it (staff
 * or the chapter itself), and the public list and detail. Who may call what is
 * {@code SecurityConfiguration}'s; the public operations say so in the OpenAPI document
 * too ({@code @SecurityRequirements} without any).
 */
@RestController
@RequestMapping(ChapterController.PATH)
@Tag(name = "Chapters",
		description = "Chapters registered with the organization: registration, details and the public list")
class ChapterController {

	static final String PATH = "/api/chapters";

	static final int MAX_PAGE_SIZE = 100;

	private final ChapterService chapters;

	ChapterController(ChapterService chapters) {
		this.chapters = chapters;
	}

	@Operation(summary = "Register a chapter (staff)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = RegisterChapterRequest.class),
							examples = @ExampleObject(name = "a chapter in St. Louis with its sister chapters",
									value = """
											{
											  "name": "Mobilize Missouri",
											  "state": "MO",
											  "city": "St. Louis",
											  "contactEmail": "organizers@mobilize-missouri.example",
											  "parentOrganization": "Our Revolution",
											  "sisterChapterIds": ["chapter-columbia", "chapter-kansas-city"]
											}
												"""))))
	@PostMapping
	ResponseEntity<ChapterResponse> register(@Valid @RequestBody RegisterChapterRequest request) {
		ChapterView chapter = this.chapters.register(request.toCommand());
		// A relative reference, so that it holds behind the gateway too.
		return ResponseEntity.created(URI.create(PATH + "/" + chapter.chapter().id()))
			.body(ChapterResponse.of(chapter));
	}

	/**
	 * Replaces the chapter's details: staff, or the chapter itself (decided with the
	 * {@link Caller} before the body is checked).
	 */
	@Operation(summary = "Replace a chapter's details (staff, or the chapter itself)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = UpdateChapterRequest.class),
							examples = @ExampleObject(name = "a new contact address and one more sister chapter",
									value = """
											{
											  "name": "Mobilize Missouri",
											  "state": "MO",
											  "city": "St. Louis",
											  "contactEmail": "hello@mobilize-missouri.example",
											  "parentOrganization": "Our Revolution",
											  "sisterChapterIds": ["chapter-columbia", "chapter-kansas-city", "chapter-st-joseph"]
											}
												"""))))
	@PutMapping("/{id}")
	ChapterResponse update(@PathVariable String id, @RequestBody UpdateChapterRequest request, Caller caller) {
		return ChapterResponse.of(this.chapters.update(id, request.toCommand(), caller));
	}

	@Operation(summary = "List chapters, of one state or all, by name")
	@GetMapping
	@SecurityRequirements
	PagedModel<ChapterResponse> chapters(@RequestParam(required = false) @UsStateCode String state,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
		return new PagedModel<>(this.chapters.chapters(UsState.fromCode(state), page, size).map(ChapterResponse::of));
	}

	@Operation(summary = "A chapter with its sister chapters")
	@GetMapping("/{id}")
	@SecurityRequirements
	ChapterResponse chapter(@PathVariable String id) {
		return ChapterResponse.of(this.chapters.chapter(id));
	}

}
