package org.groundgame.web.console.members;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;
import org.groundgame.web.api.ApiProblem;
import org.groundgame.web.api.PageOf;
import org.groundgame.web.console.ChapterScope;
import org.groundgame.web.console.ConsoleApis;
import org.groundgame.web.console.Organizer;
import org.groundgame.web.site.FormErrors;
import org.groundgame.web.site.Htmx;

import org.springframework.context.MessageSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A chapter's members ({@code /console/members}): the list filtered by interest and by
 * consent to e-mail, a member's page with their shifts and hours, moving a member to
 * another chapter, erasing one (after a confirmation), and the CSV exports of the members
 * and of the chapter's hours. Every call carries the organizer's token: volunteer-service
 * decides whose members they may see and change.
 */
@Controller
class MembersController {

	static final List<String> INTERESTS = List.of("PHONE_BANKING", "CANVASSING", "DEEP_CANVASSING", "TEXT_BANKING",
			"EVENTS", "DATA");

	static final List<String> CONSENTS = List.of("OPT_IN", "OPT_OUT", "UNSPECIFIED");

	private static final ParameterizedTypeReference<PageOf<Member>> MEMBERS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<PageOf<VolunteerHours>> HOURS = new ParameterizedTypeReference<>() {
	};

	private static final int PAGE_SIZE = 25;

	/** The largest page the API gives, for the exports. */
	private static final int EXPORT_PAGE_SIZE = 100;

	private final ConsoleApis apis;

	private final ChapterScope scope;

	private final FormErrors formErrors;

	private final MessageSource messages;

	MembersController(ConsoleApis apis, ChapterScope scope, FormErrors formErrors, MessageSource messages) {
		this.apis = apis;
		this.scope = scope;
		this.formErrors = formErrors;
		this.messages = messages;
	}

	@GetMapping("/console/members")
	String members(Organizer organizer, @RequestParam(name = ChapterScope.PARAMETER, required = false) String chapter,
			Filter filter, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = Htmx.REQUEST, required = false) String htmx, Model model) {
		Optional<String> chapterId = this.scope.chapter(organizer, chapter);
		if (chapterId.isEmpty()) {
			return this.scope.choose(model, "/console/members", "members.title");
		}
		PageOf<Member> members = page(chapterId.get(), filter.checked(), Math.max(page, 0), PAGE_SIZE);
		model.addAttribute("members", members);
		model.addAttribute("filter", filter.checked());
		model.addAttribute("chapterId", chapterId.get());
		model.addAttribute("chapterName", this.scope.chapterNamed(chapterId.get()).name());
		model.addAttribute("interests", INTERESTS);
		model.addAttribute("consents", CONSENTS);
		return Htmx.fragmentOr(htmx, "console/members", "results");
	}

	/** The members, filtered as on the page, as a CSV file. */
	@GetMapping("/console/members.csv")
	void exportMembers(Organizer organizer,
			@RequestParam(name = ChapterScope.PARAMETER, required = false) String chapter, Filter filter, Locale locale,
			HttpServletResponse response) throws IOException {
		String chapterId = requiredChapter(organizer, chapter);
		Filter checked = filter.checked();
		// The first page before anything is sent: a refusal is still a page of its own.
		PageOf<Member> first = page(chapterId, checked, 0, EXPORT_PAGE_SIZE);
		Csv csv = csv(response, "members-" + chapterId);
		csv.line(headers(locale, "members.csv.name", "members.csv.email", "members.csv.phone", "members.csv.zip",
				"members.csv.state", "members.csv.interests", "members.csv.email-consent", "members.csv.sms-consent",
				"members.csv.signed-up", "members.csv.language", "members.csv.id"));
		exportAll(first, (number) -> page(chapterId, checked, number, EXPORT_PAGE_SIZE),
				(member) -> csv.line(List.of(value(member.name()), value(member.email()), value(member.phone()),
						value(member.zip()), value(member.state()), String.join(";", member.interests()),
						member.emailConsent(), member.smsConsent(),
						(member.signedUpAt() != null) ? member.signedUpAt().toString() : "", value(member.language()),
						member.id())));
		response.flushBuffer();
	}

	/**
	 * The chapter's hours, one line per volunteer (the leaderboard's totals: shifts
	 * attended and their hours), as a CSV file.
	 */
	@GetMapping("/console/hours.csv")
	void exportHours(Organizer organizer, @RequestParam(name = ChapterScope.PARAMETER, required = false) String chapter,
			Locale locale, HttpServletResponse response) throws IOException {
		String chapterId = requiredChapter(organizer, chapter);
		Function<Integer, PageOf<VolunteerHours>> pages = (number) -> this.apis.volunteer()
			.get()
			.uri("/api/leaderboards/volunteers?chapterId={chapter}&page={page}&size={size}", chapterId, number,
					EXPORT_PAGE_SIZE)
			.retrieve()
			.body(HOURS);
		PageOf<VolunteerHours> first = pages.apply(0);
		Csv csv = csv(response, "hours-" + chapterId);
		csv.line(headers(locale, "members.csv.rank", "members.csv.name", "members.csv.hours", "members.csv.shifts",
				"members.csv.id"));
		exportAll(first, pages, (volunteer) -> csv.line(List.of(volunteer.rank(), value(volunteer.name()),
				volunteer.hours(), volunteer.shifts(), volunteer.volunteerId())));
		response.flushBuffer();
	}

	@GetMapping("/console/members/{id}")
	String member(@PathVariable String id, Organizer organizer,
			@RequestParam(name = ChapterScope.PARAMETER, required = false) String chapter, Model model) {
		Member member = this.apis.volunteer().get().uri("/api/volunteers/{id}", id).retrieve().body(Member.class);
		Member.Hours hours = this.apis.volunteer()
			.get()
			.uri("/api/volunteers/{id}/hours", id)
			.retrieve()
			.body(Member.Hours.class);
		model.addAttribute("member", member);
		model.addAttribute("hours", hours);
		model.addAttribute("chapterId", this.scope.chapter(organizer, chapter).orElse(member.chapterId()));
		model.addAttribute("chapters",
				this.scope.chapters().stream().filter((other) -> !other.id().equals(member.chapterId())).toList());
		model.addAttribute("errors", Map.of());
		return "console/member";
	}

	@PostMapping("/console/members/{id}/chapter")
	String move(@PathVariable String id, @RequestParam(name = "chapterId", required = false) String newChapterId,
			Organizer organizer, @RequestParam(name = ChapterScope.PARAMETER, required = false) String chapter,
			Locale locale, Model model, RedirectAttributes redirect) {
		Member moved;
		try {
			moved = this.apis.volunteer()
				.put()
				.uri("/api/volunteers/{id}/chapter", id)
				.body(Map.of("chapterId", (newChapterId != null) ? newChapterId : ""))
				.retrieve()
				.body(Member.class);
		}
		catch (ApiProblem ex) {
			if (ex.status() != HttpServletResponse.SC_BAD_REQUEST) {
				throw ex;
			}
			String page = member(id, organizer, chapter, model);
			model.addAttribute("errors", this.formErrors.byField(ex, locale, Map.of()));
			return page;
		}
		redirect.addFlashAttribute("notice", "members.moved");
		redirect.addFlashAttribute("noticeName", (moved != null) ? moved.name() : "");
		return "redirect:" + membersPath(this.scope.chapter(organizer, chapter));
	}

	/** The confirmation asked before a member is erased. */
	@GetMapping("/console/members/{id}/erase")
	String confirmErasure(@PathVariable String id, Organizer organizer,
			@RequestParam(name = ChapterScope.PARAMETER, required = false) String chapter, Model model) {
		Member member = this.apis.volunteer().get().uri("/api/volunteers/{id}", id).retrieve().body(Member.class);
		model.addAttribute("member", member);
		model.addAttribute("chapterId", this.scope.chapter(organizer, chapter).orElse(member.chapterId()));
		return "console/erase-member";
	}

	@PostMapping("/console/members/{id}/erase")
	String erase(@PathVariable String id, Organizer organizer,
			@RequestParam(name = ChapterScope.PARAMETER, required = false) String chapter,
			RedirectAttributes redirect) {
		this.apis.volunteer().delete().uri("/api/volunteers/{id}", id).retrieve().toBodilessEntity();
		redirect.addFlashAttribute("notice", "members.erased");
		return "redirect:" + membersPath(this.scope.chapter(organizer, chapter));
	}

	private PageOf<Member> page(String chapterId, Filter filter, int page, int size) {
		return this.apis.volunteer()
			.get()
			.uri((uri) -> filtered(uri.path("/api/volunteers").queryParam("chapterId", chapterId), filter)
				.queryParam("page", page)
				.queryParam("size", size)
				.build())
			.retrieve()
			.body(MEMBERS);
	}

	private static UriBuilder filtered(UriBuilder uri, Filter filter) {
		return uri.queryParamIfPresent("interest", Optional.ofNullable(filter.interest()))
			.queryParamIfPresent("emailConsent", Optional.ofNullable(filter.emailConsent()));
	}

	private String requiredChapter(Organizer organizer, String chapter) {
		return this.scope.chapter(organizer, chapter)
			.orElseThrow(() -> new ApiProblem(HttpServletResponse.SC_NOT_FOUND, null, null, List.of()));
	}

	private static <T> void exportAll(PageOf<T> first, Function<Integer, PageOf<T>> pages,
			java.util.function.Consumer<T> line) {
		PageOf<T> page = first;
		while (true) {
			page.content().forEach(line);
			if (!page.hasNext()) {
				return;
			}
			page = pages.apply(page.page().number() + 1);
		}
	}

	private static Csv csv(HttpServletResponse response, String name) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename(name + "-" + LocalDate.now(ZoneOffset.UTC) + ".csv", StandardCharsets.UTF_8)
					.build()
					.toString());
		Writer writer = response.getWriter();
		// A byte-order mark, so that spreadsheets read the names' accents as UTF-8.
		writer.write('\uFEFF');
		return new Csv(writer);
	}

	private List<String> headers(Locale locale, String... keys) {
		List<String> headers = new ArrayList<>();
		for (String key : keys) {
			headers.add(this.messages.getMessage(key, null, key, locale));
		}
		return headers;
	}

	private static String value(String text) {
		return (text != null) ? text : "";
	}

	private static String membersPath(Optional<String> chapterId) {
		return UriComponentsBuilder.fromPath("/console/members")
			.queryParamIfPresent(ChapterScope.PARAMETER, chapterId)
			.build()
			.toUriString();
	}

	/**
	 * The list's filters: an interest, and what members said to e-mail.
	 */
	record Filter(String interest, String emailConsent) {

		/** The filters with anything not offered on the page dropped. */
		Filter checked() {
			return new Filter((this.interest != null && INTERESTS.contains(this.interest)) ? this.interest : null,
					(this.emailConsent != null && CONSENTS.contains(this.emailConsent)) ? this.emailConsent : null);
		}

	}

	/** A volunteer's line of the chapter's leaderboard. */
	record VolunteerHours(int rank, String volunteerId, String name, String chapterId, double hours, int shifts) {

	}

}
