package org.groundgame.gateway.routing;

/**
 * The paths of the public site's pages, which the web module serves: the home page, the
 * candidates, races, results, chapters, volunteering and Leadership School pages, the
 * private pages behind people's links (a volunteer's shifts, a confirmation, a trainee's
 * enrollment, a candidate's questionnaire, e-mail preferences), the organizers' console
 * (every path under {@code /console}, signed in against identity-service by the web
 * module itself), and the site's own stylesheet, scripts and webjars. Anything else that
 * is not an API stays a 404 problem here.
 */
public final class Pages {

	/** Every path the web module answers. */
	public static final String[] PATHS = { "/", "/candidates", "/candidates/**", "/races", "/races/**", "/results",
			"/chapters", "/chapters/**", "/opportunities", "/opportunities/**", "/volunteers/**", "/join", "/join/**",
			"/nominate", "/nominate/**", "/questionnaire", "/questionnaire/**", "/school", "/school/**", "/training/**",
			"/email-preferences", "/email-preferences/**", "/console", "/console/**", "/css/**", "/js/**", "/images/**",
			"/webjars/**", "/favicon.svg", "/favicon.ico" };

	private Pages() {
	}

}
