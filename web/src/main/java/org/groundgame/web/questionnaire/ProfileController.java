package org.groundgame.web.questionnaire;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.groundgame.web.api.ApiProblem;
import org.groundgame.web.api.PlatformApis;
import org.groundgame.web.site.FormErrors;
import org.groundgame.web.site.PrivateKeys;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The candidate's profile form, behind the same private link as their questionnaire (the
 * key is kept for {@code /questionnaire}): biography, party, links and photo, as a draft
 * that staff approve before anything is public. The photo is uploaded (checked,
 * re-encoded and stored by endorsement-service) or given as an https address; the draft's
 * photo is shown through this site, since a browser's image request cannot carry the key.
 */
@Controller
class ProfileController {

	static final String PATH = QuestionnaireController.PATH + "/profile";

	static final int SOCIAL_ROWS = 3;

	/** The API's names of the link fields, as the form names them. */
	static final Map<String, String> LINK_FIELDS = Map.of("links.website", "website", "links.donate", "donate",
			"links.volunteer", "volunteer");

	static final List<String> SOCIAL_KINDS = List.of("FACEBOOK", "INSTAGRAM", "X", "BLUESKY", "THREADS", "MASTODON",
			"TIKTOK", "YOUTUBE", "LINKEDIN", "OTHER");

	private final PlatformApis apis;

	private final FormErrors formErrors;

	ProfileController(PlatformApis apis, FormErrors formErrors) {
		this.apis = apis;
		this.formErrors = formErrors;
	}

	@GetMapping(PATH)
	String profile(@RequestParam(required = false) String saved, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<String> key = PrivateKeys.held(request);
		if (key.isEmpty()) {
			return "redirect:" + QuestionnaireController.PATH;
		}
		Optional<Profile> profile = read(key.get());
		if (profile.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return expired(model);
		}
		return page(profile.get(), ProfileForm.of(profile.get()), null, saved, model);
	}

	@PostMapping(PATH)
	String save(ProfileForm form, Locale locale, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Optional<String> key = PrivateKeys.held(request);
		Optional<Profile> profile = key.flatMap(this::read);
		if (profile.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return expired(model);
		}
		try {
			this.apis.endorsement()
				.put()
				.uri("/api/questionnaire/profile")
				.header(QuestionnaireController.TOKEN, key.get())
				.contentType(MediaType.APPLICATION_JSON)
				.body(form.toRequest())
				.retrieve()
				.toBodilessEntity();
		}
		catch (ApiProblem problem) {
			if (problem.status() == 429) {
				throw problem;
			}
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(profile.get(), form, this.formErrors.byField(problem, locale, LINK_FIELDS), null, model);
		}
		return "redirect:" + PATH + "?saved=words";
	}

	@PostMapping(PATH + "/photo")
	String photo(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String url,
			@RequestParam(required = false) String remove, Locale locale, HttpServletRequest request,
			HttpServletResponse response, Model model) throws IOException {
		Optional<String> key = PrivateKeys.held(request);
		Optional<Profile> profile = key.flatMap(this::read);
		if (profile.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return expired(model);
		}
		try {
			if (remove != null) {
				this.apis.endorsement()
					.delete()
					.uri("/api/questionnaire/profile/photo")
					.header(QuestionnaireController.TOKEN, key.get())
					.retrieve()
					.toBodilessEntity();
			}
			else if (file != null && !file.isEmpty()) {
				// The type is the service's to find out, by decoding the image.
				this.apis.endorsement()
					.put()
					.uri("/api/questionnaire/profile/photo")
					.header(QuestionnaireController.TOKEN, key.get())
					.contentType(MediaType.APPLICATION_OCTET_STREAM)
					.body(file.getBytes())
					.retrieve()
					.toBodilessEntity();
			}
			else {
				this.apis.endorsement()
					.put()
					.uri("/api/questionnaire/profile/photo")
					.header(QuestionnaireController.TOKEN, key.get())
					.contentType(MediaType.APPLICATION_JSON)
					.body(Map.of("url", (url != null) ? url.strip() : ""))
					.retrieve()
					.toBodilessEntity();
			}
		}
		catch (ApiProblem problem) {
			if (problem.status() == 429) {
				throw problem;
			}
			Map<String, String> errors = new LinkedHashMap<>(this.formErrors.byField(problem, locale, Map.of()));
			if (errors.isEmpty()) {
				errors.put("photo", this.formErrors.general(problem, locale,
						(problem.status() == 413) ? "profile.photo.tooLarge" : "profile.photo.refused"));
			}
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(profile.get(), ProfileForm.of(profile.get()), errors, null, model);
		}
		return "redirect:" + PATH + "?saved=photo";
	}

	@GetMapping(PATH + "/photo")
	ResponseEntity<byte[]> preview(HttpServletRequest request) {
		Optional<String> key = PrivateKeys.held(request);
		if (key.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		try {
			byte[] image = this.apis.endorsement()
				.get()
				.uri("/api/questionnaire/profile/photo")
				.header(QuestionnaireController.TOKEN, key.get())
				.retrieve()
				.body(byte[].class);
			return ResponseEntity.ok()
				.contentType(MediaType.IMAGE_JPEG)
				.cacheControl(CacheControl.noStore())
				.body(image);
		}
		catch (ApiProblem problem) {
			return ResponseEntity.notFound().build();
		}
	}

	private String page(Profile profile, ProfileForm form, Map<String, String> errors, String saved, Model model) {
		model.addAttribute("profile", profile);
		model.addAttribute("form", form.padded(SOCIAL_ROWS));
		model.addAttribute("errors", errors);
		model.addAttribute("socialKinds", SOCIAL_KINDS);
		model.addAttribute("saved", saved);
		return "questionnaire/profile";
	}

	private Optional<Profile> read(String key) {
		try {
			return Optional.ofNullable(this.apis.endorsement()
				.get()
				.uri("/api/questionnaire/profile")
				.header(QuestionnaireController.TOKEN, key)
				.retrieve()
				.body(Profile.class));
		}
		catch (ApiProblem problem) {
			if (problem.status() == 404 || problem.status() == 401 || problem.status() == 403
					|| problem.status() == 410) {
				return Optional.empty();
			}
			throw problem;
		}
	}

	/**
	 * The candidate's profile: their draft and what staff approved.
	 *
	 * @param candidateName their name
	 * @param status {@code EMPTY}, {@code AWAITING_APPROVAL} or {@code APPROVED}
	 * @param draft what they (or staff) last wrote
	 * @param approved what is public
	 */
	record Profile(String candidateName, String status, Version draft, Version approved) {

		public boolean hasPhoto() {
			return this.draft != null && this.draft.photo() != null;
		}

		public boolean uploadedPhoto() {
			return hasPhoto() && "UPLOAD".equals(this.draft.photo().source());
		}

	}

	/**
	 * One version of a profile.
	 *
	 * @param biography the biography
	 * @param party the party
	 * @param photo the photo
	 * @param links the links
	 */
	record Version(String biography, String party, org.groundgame.web.candidates.Endorsement.Photo photo,
			org.groundgame.web.candidates.Endorsement.Links links) {

	}

	/**
	 * The profile form as posted.
	 *
	 * @param biography the biography
	 * @param party the party
	 * @param website the campaign's website
	 * @param donate where to donate
	 * @param volunteer where to volunteer
	 * @param social social media, by kind and address
	 */
	record ProfileForm(String biography, String party, String website, String donate, String volunteer,
			List<Social> social) {

		ProfileForm {
			social = (social != null) ? new ArrayList<>(social) : new ArrayList<>();
		}

		static ProfileForm of(Profile profile) {
			Version draft = profile.draft();
			if (draft == null) {
				return new ProfileForm(null, null, null, null, null, List.of());
			}
			var links = draft.links();
			return new ProfileForm(draft.biography(), draft.party(), (links != null) ? links.website() : null,
					(links != null) ? links.donate() : null, (links != null) ? links.volunteer() : null,
					(links != null)
							? links.social().stream().map((link) -> new Social(link.kind(), link.url())).toList()
							: List.of());
		}

		ProfileForm padded(int rows) {
			List<Social> all = new ArrayList<>(this.social);
			while (all.size() < rows) {
				all.add(new Social("FACEBOOK", null));
			}
			return new ProfileForm(this.biography, this.party, this.website, this.donate, this.volunteer, all);
		}

		Map<String, Object> toRequest() {
			Map<String, Object> links = new LinkedHashMap<>();
			put(links, "website", this.website);
			put(links, "donate", this.donate);
			put(links, "volunteer", this.volunteer);
			links.put("social",
					this.social.stream()
						.filter((link) -> link.url() != null && !link.url().isBlank())
						.map((link) -> Map.of("kind", link.kind(), "url", link.url().strip()))
						.toList());
			Map<String, Object> body = new LinkedHashMap<>();
			put(body, "biography", this.biography);
			put(body, "party", this.party);
			body.put("links", links);
			return body;
		}

		private static void put(Map<String, Object> map, String name, String value) {
			if (value != null && !value.isBlank()) {
				map.put(name, value.strip());
			}
		}

	}

	/**
	 * @param kind the network
	 * @param url the address
	 */
	record Social(String kind, String url) {

	}

	private static String expired(Model model) {
		model.addAttribute("hintKey", "expired.candidate");
		model.addAttribute("next", null);
		model.addAttribute("nextKey", null);
		return "private/link-expired";
	}

}
