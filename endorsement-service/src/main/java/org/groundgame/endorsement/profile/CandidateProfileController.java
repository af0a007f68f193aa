package org.groundgame.endorsement.profile;

import java.io.InputStream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.groundgame.endorsement.profile.CandidateDirectory.KnownCandidate;
import org.groundgame.endorsement.profile.domain.Editor;
import org.groundgame.endorsement.profile.domain.Photo;
import org.groundgame.security.Caller;

import org.springframework.data.web.PagedModel;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff's work on a candidate's profile (read the draft, edit it, approve a revision,
 * take the public version down), and the one public read of it that is not part of an
 * endorsement: the approved photo.
 */
@RestController
@Tag(name = "Candidates",
		description = "Candidates' public profiles: written by staff or the candidate, approved by staff, public once approved")
class CandidateProfileController {

	static final String PROFILE = "/api/candidates/{candidateId}/profile";

	private final CandidateProfiles profiles;

	private final PhotoImages images;

	private final ProfileConfiguration.PhotoProperties settings;

	CandidateProfileController(CandidateProfiles profiles, PhotoImages images,
			ProfileConfiguration.PhotoProperties settings) {
		this.profiles = profiles;
		this.images = images;
		this.settings = settings;
	}

	/** The profiles waiting for staff's approval, the latest change first. */
	@Operation(summary = "List the profiles waiting for approval (staff)")
	@GetMapping("/api/candidates/profiles/awaiting-approval")
	PagedModel<CandidateProfiles.AwaitingApproval> awaitingApproval(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
		return new PagedModel<>(this.profiles.awaitingApproval(caller, page, size));
	}

	@Operation(summary = "A candidate's profile, draft and approved (staff)")
	@GetMapping(PROFILE)
	ProfileView profile(@PathVariable String candidateId, Caller caller) {
		return view(this.profiles.read(this.profiles.asStaff(caller, candidateId)));
	}

	@Operation(summary = "Write the words and links of a profile's draft (staff)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "A draft",
							value = "{\"biography\":\"Tenant organizer and nurse; born and raised in north St. Louis.\",\"party\":\"Democratic\",\"links\":{\"website\":\"https://ladonnaforstl.example.org\",\"donate\":\"https://secure.actblue.com/donate/ladonna\",\"volunteer\":\"https://ladonnaforstl.example.org/volunteer\",\"social\":[{\"kind\":\"INSTAGRAM\",\"url\":\"https://instagram.com/ladonnaforstl\"}]}}"))))
	@PutMapping(path = PROFILE, consumes = MediaType.APPLICATION_JSON_VALUE)
	ProfileView describe(@PathVariable String candidateId, @Valid @RequestBody ProfileRequest request, Caller caller) {
		KnownCandidate candidate = this.profiles.asStaff(caller, candidateId);
		return view(this.profiles.describe(candidate, request.toContent(), Editor.STAFF));
	}

	@Operation(summary = "Give the draft a photo at an https address (staff)")
	@PutMapping(path = PROFILE + "/photo", consumes = MediaType.APPLICATION_JSON_VALUE)
	ProfileView photoAt(@PathVariable String candidateId, @Valid @RequestBody ProfileRequest.PhotoAddress request,
			Caller caller) {
		KnownCandidate candidate = this.profiles.asStaff(caller, candidateId);
		return view(this.profiles.pictureAt(candidate, Photo.at("url", request.url()), Editor.STAFF));
	}

	/** An uploaded photo: sent as any image type; its bytes decide what it is. */
	@Operation(summary = "Upload a photo for the draft (staff)")
	@PutMapping(path = PROFILE + "/photo", consumes = { "image/*", MediaType.APPLICATION_OCTET_STREAM_VALUE })
	ProfileView upload(@PathVariable String candidateId, InputStream body, Caller caller) {
		KnownCandidate candidate = this.profiles.asStaff(caller, candidateId);
		return view(this.profiles.upload(candidate, this.images.read(body), Editor.STAFF));
	}

	@Operation(summary = "Remove the draft's photo (staff)")
	@DeleteMapping(PROFILE + "/photo")
	ProfileView removePhoto(@PathVariable String candidateId, Caller caller) {
		return view(this.profiles.removePhoto(this.profiles.asStaff(caller, candidateId), Editor.STAFF));
	}

	/** The draft's uploaded photo, for staff to look at before approving. */
	@Operation(summary = "The draft's uploaded photo (staff)")
	@GetMapping(PROFILE + "/photo")
	ResponseEntity<byte[]> draftPhoto(@PathVariable String candidateId, Caller caller) {
		return PhotoResponse.privately(this.profiles.draftImage(this.profiles.asStaff(caller, candidateId)));
	}

	@Operation(summary = "Approve a revision of the draft, making it public (staff)")
	@PostMapping(path = PROFILE + "/approval", consumes = MediaType.APPLICATION_JSON_VALUE)
	ProfileView approve(@PathVariable String candidateId, @Valid @RequestBody ProfileRequest.Approval request,
			Caller caller) {
		return view(this.profiles.approve(this.profiles.asStaff(caller, candidateId), request.revision()));
	}

	@Operation(summary = "Take the public profile down (staff)")
	@DeleteMapping(PROFILE + "/approval")
	ProfileView withdrawApproval(@PathVariable String candidateId, Caller caller) {
		return view(this.profiles.withdrawApproval(this.profiles.asStaff(caller, candidateId)));
	}

	/**
	 * Public: the approved profile's uploaded photo, cached by browsers and proxies for
	 * {@code cache-for} and revalidated by its ETag (a {@code 304} when unchanged).
	 */
	@Operation(summary = "The approved profile's uploaded photo (public)")
	@Tag(name = "Public")
	@GetMapping("/api/candidates/{candidateId}/photo")
	ResponseEntity<byte[]> publicPhoto(@PathVariable String candidateId) {
		StoredImage image = this.profiles.publicImage(candidateId);
		return PhotoResponse.answer(image, CacheControl.maxAge(this.settings.cacheFor()).cachePublic());
	}

	private static ProfileView view(CurrentProfile current) {
		return ProfileView.of(current, PROFILE.replace("{candidateId}", current.candidate().id()) + "/photo");
	}

}
