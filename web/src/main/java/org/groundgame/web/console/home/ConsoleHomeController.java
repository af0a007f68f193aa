package org.groundgame.web.console.home;

import java.util.ArrayList;
import java.util.List;

import org.groundgame.web.api.PageOf;
import org.groundgame.web.console.ConsoleApis;
import org.groundgame.web.console.Organizer;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.client.RestClient;

/**
 * The console's home: who is signed in, in which role, and the few figures that tell them
 * where their work is (nominations waiting for staff, cohorts open for the school,
 * members for a chapter), each a link to the list behind it.
 */
@Controller
class ConsoleHomeController {

	private static final ParameterizedTypeReference<PageOf<Object>> ANY_PAGE = new ParameterizedTypeReference<>() {
	};

	private final ConsoleApis apis;

	ConsoleHomeController(ConsoleApis apis) {
		this.apis = apis;
	}

	@GetMapping("/console")
	String home(Organizer organizer, Model model) {
		List<Figure> figures = new ArrayList<>();
		if (organizer.isStaff()) {
			figures.add(new Figure(count(this.apis.endorsement(), "/api/nominations?status=SUBMITTED&size=1"),
					"console.figure.nominations-submitted", "/console/nominations?status=SUBMITTED"));
			figures.add(new Figure(count(this.apis.endorsement(), "/api/nominations?status=UNDER_REVIEW&size=1"),
					"console.figure.nominations-under-review", "/console/nominations?status=UNDER_REVIEW"));
		}
		if (organizer.runsTheSchool()) {
			figures.add(new Figure(count(this.apis.training(), "/api/training/cohorts?open=true&size=1"),
					"console.figure.cohorts-open", "/console/cohorts"));
		}
		if (organizer.isChapterOrganizer()) {
			figures.add(new Figure(
					count(this.apis.volunteer(), "/api/volunteers?chapterId={chapter}&size=1", organizer.chapterId()),
					"console.figure.members", "/console/members"));
		}
		model.addAttribute("figures", figures);
		return "console/home";
	}

	@GetMapping("/console/signed-out")
	String signedOut() {
		return "console/signed-out";
	}

	private static long count(RestClient api, String uri, Object... variables) {
		PageOf<Object> page = api.get().uri(uri, variables).retrieve().body(ANY_PAGE);
		return (page != null) ? page.page().totalElements() : 0;
	}

	/** A number on the home page, what it counts and where its list is. */
	record Figure(long count, String label, String link) {

	}

}
