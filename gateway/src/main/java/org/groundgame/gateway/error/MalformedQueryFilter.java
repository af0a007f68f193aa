package org.groundgame.gateway.error;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a query string that cannot be decoded (a {@code %} not followed by two hex
 * digits, or bytes that are not UTF-8), or that decodes to control characters (such as
 * {@code %00}) or unassigned code points, with a {@code 400} problem naming {@code query}
 * and saying which of these it is, before any route. Routing such a request failed while
 * the backend's address was built ({@code MalformedInputException}), which the circuit
 * breaker counted as the service being down: each such request was a {@code 503}, and
 * enough of them opened the breaker for everyone. Only the query is read here, never a
 * body.
 */
class MalformedQueryFilter extends OncePerRequestFilter {

	static final URI INVALID_INPUT = URI.create("urn:groundgame:problem:invalid-input");

	/** What is wrong with a query, if anything, in the words of the problem it gets. */
	enum Verdict {

		ACCEPTED(null, null),

		UNDECODABLE("The query cannot be decoded: every %-escape must be two hex digits and the bytes UTF-8.",
				"is not valid"),

		CONTROL_CHARACTER("The query holds a control character (such as %00, a line break or DEL): "
				+ "control characters are refused.", "must not contain control characters"),

		UNASSIGNED_CHARACTER("The query holds a code point that Unicode does not assign, which is refused.",
				"must not contain unassigned characters");

		private final String detail;

		private final String message;

		Verdict(String detail, String message) {
			this.detail = detail;
			this.message = message;
		}

		String detail() {
			return this.detail;
		}

		String message() {
			return this.message;
		}

	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Verdict verdict = verdict(request.getQueryString());
		if (verdict != Verdict.ACCEPTED) {
			EdgeProblems.write(request, response, HttpStatus.BAD_REQUEST, INVALID_INPUT, verdict.detail(),
					Map.of("errors", List.of(Map.of("field", "query", "message", verdict.message()))));
			return;
		}
		chain.doFilter(request, response);
	}

	static Verdict verdict(String query) {
		if (query == null || query.isEmpty()) {
			return Verdict.ACCEPTED;
		}
		ByteBuffer bytes = ByteBuffer.allocate(query.length());
		for (int i = 0; i < query.length(); i++) {
			char c = query.charAt(i);
			if (c == '%') {
				if (i + 2 >= query.length() || Character.digit(query.charAt(i + 1), 16) < 0
						|| Character.digit(query.charAt(i + 2), 16) < 0) {
					return Verdict.UNDECODABLE;
				}
				bytes.put((byte) ((Character.digit(query.charAt(i + 1), 16) << 4)
						| Character.digit(query.charAt(i + 2), 16)));
				i += 2;
			}
			else if (c > 0xFF) {
				return Verdict.UNDECODABLE;
			}
			else {
				// The request line is read as ISO-8859-1: each char is one byte.
				bytes.put((byte) c);
			}
		}
		bytes.flip();
		String decoded;
		try {
			decoded = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(bytes)
				.toString();
		}
		catch (CharacterCodingException ex) {
			return Verdict.UNDECODABLE;
		}
		// What Spring Security's firewall refuses in a parameter's name or value, which
		// it checks only once routing reads the parameters: there, too, its refusal was
		// taken for the service being down.
		if (decoded.codePoints().anyMatch(Character::isISOControl)) {
			return Verdict.CONTROL_CHARACTER;
		}
		if (decoded.codePoints().anyMatch((c) -> !Character.isDefined(c))) {
			return Verdict.UNASSIGNED_CHARACTER;
		}
		return Verdict.ACCEPTED;
	}

}
