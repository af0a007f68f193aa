package org.groundgame.web.console.staff;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.groundgame.web.api.ApiProblem;
import org.groundgame.web.console.ConsoleApis;
import org.groundgame.web.console.Organizer;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A slate: the candidates a chapter or a member put forward together, each nomination
 * with where it stands and a link to its page, where staff review it as any other.
 */
@Controller
class SlatesController {

	private final ConsoleApis apis;

	SlatesController(ConsoleApis apis) {
		this.apis = apis;
	}

	@GetMapping("/console/slates/{id}")
	String slate(Organizer organizer, @PathVariable String id, Model model) {
		StaffPages.requireStaff(organizer);
		model.addAttribute("slate",
				this.apis.endorsement().get().uri("/api/slates/{id}", id).retrieve().body(Slate.class));
		return "console/staff/slate";
	}

	@ExceptionHandler
	String problem(ApiProblem problem, HttpServletResponse response) {
		return StaffPages.problem(problem, response);
	}

	/** {@code GET /api/slates/{id}}. */
	public record Slate(String id, String name, String statement, Nomination.Nominator nominatedBy, Instant submittedAt,
			List<Nomination> nominations) {

		public Slate {
			nominations = (nominations != null) ? nominations : List.of();
		}

	}

}
