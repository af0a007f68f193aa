package org.groundgame.identity;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser as the sign-in pages meet it: a cookie jar, no automatic redirects, every
 * form posted with the CSRF token of the page it was on. Optionally from an address of
 * its own ({@code X-Forwarded-For}, which the service honours from loopback as from the
 * gateway), and in a language ({@code Accept-Language}).
 */
public final class Browser {

	public static final String WEB_CLIENT = "ground-game-web";

	public static final String REDIRECT_URI = "http://localhost:8080/swagger-ui/oauth2-redirect.html";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final IdentityHttp http;

	private final String address;

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private String verifier;

	private String language;

	public Browser(IdentityHttp http) {
		this(http, null);
	}

	public Browser(IdentityHttp http, String address) {
		this.http = http;
		this.address = address;
	}

	/** This browser, asking for pages in these languages ({@code Accept-Language}). */
	public Browser inLanguage(String acceptLanguage) {
		this.language = acceptLanguage;
		return this;
	}

	public HttpResponse<String> get(String uri) {
		return send(HttpRequest.newBuilder(URI.create(absolute(uri))).header("Accept", "text/html").GET());
	}

	/** Posts the form with the CSRF token of {@code page}. */
	public HttpResponse<String> post(String uri, HttpResponse<String> page, Map<String, String> fields) {
		Map<String, String> form = new LinkedHashMap<>(fields);
		form.put("_csrf", csrf(page.body()));
		return postWithoutCsrf(uri, form);
	}

	public HttpResponse<String> postWithoutCsrf(String uri, Map<String, String> form) {
		return send(HttpRequest.newBuilder(URI.create(absolute(uri)))
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(IdentityHttp.form(form))));
	}

	/**
	 * Starts an authorization request (PKCE); answers the redirect to the sign-in form.
	 */
	public HttpResponse<String> authorize() {
		this.verifier = randomVerifier();
		String uri = UriComponentsBuilder.fromUriString(this.http.base() + "/oauth2/authorize")
			.queryParam("response_type", "code")
			.queryParam("client_id", WEB_CLIENT)
			.queryParam("redirect_uri", REDIRECT_URI)
			.queryParam("scope", "openid")
			.queryParam("state", "state-123")
			.queryParam("code_challenge", challenge(this.verifier))
			.queryParam("code_challenge_method", "S256")
			.encode()
			.toUriString();
		return get(uri);
	}

	/** Authorize, then the sign-in form with this password: the answer to the form. */
	public HttpResponse<String> signIn(String username, String password) {
		HttpResponse<String> toLogin = authorize();
		assertThat(toLogin.statusCode()).as(toLogin.body()).isEqualTo(302);
		assertThat(location(toLogin)).endsWith("/login");
		HttpResponse<String> form = get(location(toLogin));
		assertThat(form.statusCode()).isEqualTo(200);
		return post("/login", form, Map.of("username", username, "password", password));
	}

	/**
	 * Follows the redirect back to the authorization endpoint and answers the code it
	 * issued to the client.
	 */
	public String code(HttpResponse<String> signedIn) {
		assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
		assertThat(location(signedIn)).contains("/oauth2/authorize");
		HttpResponse<String> authorized = get(location(signedIn));
		assertThat(authorized.statusCode()).as(authorized.body()).isEqualTo(302);
		String redirect = location(authorized);
		assertThat(redirect).startsWith(REDIRECT_URI + "?");
		Map<String, String> parameters = UriComponentsBuilder.fromUriString(redirect)
			.build()
			.getQueryParams()
			.toSingleValueMap();
		assertThat(parameters).containsKey("code");
		return URLDecoder.decode(parameters.get("code"), StandardCharsets.UTF_8);
	}

	/** Redeems the code as the web client does, with this browser's verifier. */
	public HttpResponse<String> redeem(String code) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "authorization_code");
		form.put("code", code);
		form.put("redirect_uri", REDIRECT_URI);
		form.put("client_id", WEB_CLIENT);
		form.put("code_verifier", this.verifier);
		return this.http.send(HttpRequest.newBuilder(URI.create(this.http.base() + "/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(IdentityHttp.form(form))));
	}

	/** The access token a code gives. */
	public String accessToken(String code) {
		HttpResponse<String> response = redeem(code);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return IdentityHttp.json(response).get("access_token").asString();
	}

	public String location(HttpResponse<String> response) {
		String location = response.headers().firstValue("Location").orElseThrow();
		return location.startsWith("/") ? this.http.base() + location : location;
	}

	public static String csrf(String page) {
		Matcher matcher = CSRF.matcher(page);
		assertThat(matcher.find()).as(page).isTrue();
		return matcher.group(1);
	}

	private String absolute(String uri) {
		if (uri.startsWith("http://localhost:8080")) {
			return this.http.base() + uri.substring("http://localhost:8080".length());
		}
		return uri.startsWith("/") ? this.http.base() + uri : uri;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		if (this.address != null) {
			request.header("X-Forwarded-For", this.address);
		}
		if (this.language != null) {
			request.header("Accept-Language", this.language);
		}
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String randomVerifier() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
