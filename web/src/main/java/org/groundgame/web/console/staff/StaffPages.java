package org.groundgame.web.console.staff;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.groundgame.web.api.ApiProblem;
import org.groundgame.web.console.Organizer;

/**
 * What national staff's pages share: they are staff's alone (anyone else gets the
 * console's 403 page before any service is called; the services refuse them as well), and
 * a refusal by a service is a page.
 */
final class StaffPages {

	private static final Pattern NAME = Pattern.compile("[A-Z_]{1,32}");

	private static final Pattern STATE = Pattern.compile("[A-Za-z]{2}");

	private StaffPages() {
	}

	/**
	 * @throws ApiProblem a {@code 403}, which the console shows as its page for what is
	 * not the person's to see
	 */
	static void requireStaff(Organizer organizer) {
		if (!organizer.isStaff()) {
			throw new ApiProblem(HttpServletResponse.SC_FORBIDDEN, "Forbidden", "National staff's page", null);
		}
	}

	/**
	 * A filter that is not of the form of what it names: the page for a request refused,
	 * without calling any service.
	 */
	static void requireWellFormed(boolean wellFormed) {
		if (!wellFormed) {
			throw new ApiProblem(HttpServletResponse.SC_BAD_REQUEST, "Bad filter", null, null);
		}
	}

	/** Absent, or a name of the API's: capitals and underscores. */
	static boolean isName(String value) {
		return value == null || NAME.matcher(value).matches();
	}

	/** Absent, or two letters. */
	static boolean isState(String value) {
		return value == null || STATE.matcher(value).matches();
	}

	/**
	 * A service's refusal as a page: another role's page ({@code 403}) is the console's
	 * own, an unknown id ({@code 404}) the site's, anything else the site's page for a
	 * request refused.
	 */
	static String problem(ApiProblem problem, HttpServletResponse response) {
		response.setStatus(problem.status());
		if (problem.status() == HttpServletResponse.SC_FORBIDDEN) {
			return "console/forbidden";
		}
		return problem.isNotFound() ? "error/404" : "error/4xx";
	}

}
