package org.groundgame.endorsement.profile;

import java.io.InputStream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.groundgame.endorsement.profile.CandidateDirectory.KnownCandidate;
import org.groundgame.endorsement.profile.domain.Editor;
import org.groundgame.endorsement.profile.domain.Photo;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The candidate's own profile, through the private link of their questionnaire: the token
 * it holds, in the {@value #TOKEN} header (never in a URL), reaches the profile of the
 * candidate that nomination names, and no other. They write the draft; staff approve it
 * before any of it is public. A missing, unknown or replaced token is a {@code 401}, an
 * expired link never answered a {@code 410}, as for the questionnaire.
 */
@RestController
@Tag(name = "Candidates", description = "A candidate's own profile, written through their questionnaire link")
@RequestMapping(OwnProfileController.PATH)
class OwnProfileController {

	static final String PATH = "/api/questionnaire/profile";

	static final String TOKEN = "X-Questionnaire-Token";

	private final CandidateProfiles profiles;

	private final PhotoImages images;

	OwnProfileController(CandidateProfiles profiles, PhotoImages images) {
		this.profiles = profiles;
		this.images = images;
	}

	@Operation(summary = "The candidate's own profile (candidate, by link token)")
	@GetMapping
	ProfileView profile(@RequestHeader(name = TOKEN, required = false) String token) {
		return view(this.profiles.read(this.profiles.asHolderOf(token)));
	}

	@Operation(summary = "Write the words and links of one's draft (candidate, by link token)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "A draft",
							value = "{\"biography\":\"Tenant organizer and nurse; born and raised in north St. Louis.\",\"party\":\"Democratic\",\"links\":{\"website\":\"https://ladonnaforstl.example.org\",\"donate\":\"https://secure.actblue.com/donate/ladonna\",\"volunteer\":\"https://ladonnaforstl.example.org/volunteer\",\"social\":[{\"kind\":\"INSTAGRAM\",\"url\":\"https://instagram.com/ladonnaforstl\"}]}}"))))
	@PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ProfileView describe(@RequestHeader(name = TOKEN, required = false) String token,
			@Valid @RequestBody ProfileRequest request) {
		KnownCandidate candidate = this.profiles.asHolderOf(token);
		return view(this.profiles.describe(candidate, request.toContent(), Editor.CANDIDATE));
	}

	@Operation(summary = "Give one's draft a photo at an https address (candidate, by link token)")
	@PutMapping(path = "/photo", consumes = MediaType.APPLICATION_JSON_VALUE)
	ProfileView photoAt(@RequestHeader(name = TOKEN, required = false) String token,
			@Valid @RequestBody ProfileRequest.PhotoAddress request) {
		KnownCandidate candidate = this.profiles.asHolderOf(token);
		return view(this.profiles.pictureAt(candidate, Photo.at("url", request.url()), Editor.CANDIDATE));
	}

	@Operation(summary = "Upload a photo for one's draft (candidate, by link token)")
	@PutMapping(path = "/photo", consumes = { "image/*", MediaType.APPLICATION_OCTET_STREAM_VALUE })
	ProfileView upload(@RequestHeader(name = TOKEN, required = false) String token, InputStream body) {
		KnownCandidate candidate = this.profiles.asHolderOf(token);
		return view(this.profiles.upload(candidate, this.images.read(body), Editor.CANDIDATE));
	}

	@Operation(summary = "Remove one's draft's photo (candidate, by link token)")
	@DeleteMapping("/photo")
	ProfileView removePhoto(@RequestHeader(name = TOKEN, required = false) String token) {
		return view(this.profiles.removePhoto(this.profiles.asHolderOf(token), Editor.CANDIDATE));
	}

	/** The draft's uploaded photo, for the candidate to see what they sent. */
	@Operation(summary = "One's draft's uploaded photo (candidate, by link token)")
	@GetMapping("/photo")
	ResponseEntity<byte[]> draftPhoto(@RequestHeader(name = TOKEN, required = false) String token) {
		return PhotoResponse.privately(this.profiles.draftImage(this.profiles.asHolderOf(token)));
	}

	private static ProfileView view(CurrentProfile current) {
		return ProfileView.of(current, PATH + "/photo");
	}

}
