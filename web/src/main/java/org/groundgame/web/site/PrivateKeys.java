package org.groundgame.web.site;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The capability token of a person's private link, kept by their browser once they have
 * opened the link: the link carries it in its fragment ({@code #token=…}, never sent to a
 * server), the page sends it once in a form, and from then on a cookie holds it, scoped
 * to that person's own pages ({@code /volunteers/<id>}, say), {@code HttpOnly} and
 * {@code SameSite=Strict} (no other site's page can make the browser use it), so that no
 * server keeps a session and any instance answers. The services check the token on every
 * call; the site only carries it.
 */
public final class PrivateKeys {

	/** The cookie's name, the same for every kind of page: its path tells them apart. */
	public static final String COOKIE = "gg_key";

	/** How long a browser keeps a key it was given. */
	static final Duration KEPT_FOR = Duration.ofDays(30);

	private PrivateKeys() {
	}

	/**
	 * The key this browser holds for the page asked for (the most specific path first, as
	 * browsers send them).
	 * @param request the request
	 * @return the key, if any
	 */
	public static Optional<String> held(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		return Arrays.stream(cookies)
			.filter((cookie) -> COOKIE.equals(cookie.getName()) && !cookie.getValue().isBlank())
			.map(Cookie::getValue)
			.findFirst();
	}

	/**
	 * Keeps a key for the pages under a path.
	 * @param request the request (whether it came over https)
	 * @param response the response
	 * @param path the pages the key opens, e.g. {@code /volunteers/v-1}
	 * @param key the key
	 */
	public static void keep(HttpServletRequest request, HttpServletResponse response, String path, String key) {
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, path, key, KEPT_FOR).toString());
	}

	/**
	 * Forgets the key of the pages under a path (it no longer works, or the person
	 * asked).
	 * @param request the request
	 * @param response the response
	 * @param path the pages
	 */
	public static void forget(HttpServletRequest request, HttpServletResponse response, String path) {
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, path, "", Duration.ZERO).toString());
	}

	private static ResponseCookie cookie(HttpServletRequest request, String path, String value, Duration maxAge) {
		return ResponseCookie.from(COOKIE, value)
			.path(path)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Strict")
			.maxAge(maxAge)
			.build();
	}

	/**
	 * Whether a token looks like one the platform issues (base64url, of a sane length),
	 * so that anything else is refused before it reaches a service or a cookie.
	 * @param token what was sent
	 * @return whether to use it
	 */
	public static boolean wellFormed(String token) {
		return token != null && token.length() >= 16 && token.length() <= 512
				&& token.chars().allMatch((c) -> Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.');
	}

}
