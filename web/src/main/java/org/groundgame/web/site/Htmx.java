package org.groundgame.web.site;

/**
 * htmx's side of a page: an endpoint answers a whole page to a plain request and only the
 * fragment that changes to htmx's ({@code HX-Request: true}), so that every page works
 * without JavaScript and feels instant with it.
 */
public final class Htmx {

	/** The header htmx sends with each of its requests. */
	public static final String REQUEST = "HX-Request";

	private Htmx() {
	}

	/**
	 * @param htmxHeader the request's {@code HX-Request} header, or {@code null}
	 * @param template the page's template
	 * @param fragment the fragment of it that htmx swaps
	 * @return the view to render
	 */
	public static String fragmentOr(String htmxHeader, String template, String fragment) {
		return "true".equals(htmxHeader) ? template + " :: " + fragment : template;
	}

}
