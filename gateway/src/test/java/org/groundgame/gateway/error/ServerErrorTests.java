package org.groundgame.gateway.error;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.groundgame.gateway.GatewayTestConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gateway's web server and Spring Security's firewall refuse, before any route,
 * is a {@code 400} problem document, not Tomcat's HTML page and never a {@code 500}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(GatewayTestConfiguration.class)
class ServerErrorTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/api/chapters/a%2Fb", "/api/chapters/a%5Cb", "/api/chapters/a%00b", "/api/chapters/%zz",
			"/api/chapters/a%", "/api/chapters/a\\b", "/api/chapters/a\u0001b", "/api/chapters/a b",
			"/api/chapters/a<b>", "/api/chapters?state=a{b}", "/api/chapters/..%2F..%2Factuator", "/api//chapters",
			"/api/chapters/a;b=c", "/api/chapters/%2e%2e/x",
			// a query that cannot be decoded: routing it failed as if the service were
			// down
			"/api/chapters?state=%zz", "/api/chapters?state=a%2", "/api/chapters?%C0%AF=x",
			"/api/chapters?state=%ED%A0%80", "/api/chapters?state=%FF%FE",
			// what the firewall refuses once routing reads the parameters
			"/api/chapters?a%7Fb=x", "/api/chapters?state=a%00b", "/api/chapters?state=a%0D%0Ab",
			"/api/chapters?state=%C2%85" })
	void aRequestTheServerRefusesIsA400ProblemDocument(String target) throws IOException {
		String answer = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
		String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);

		assertThat(head).as(answer).startsWith("HTTP/1.1 400");
		assertThat(head.toLowerCase()).as(answer).contains("content-type: application/problem+json");
		JsonNode problem = JSON.readTree(body);
		assertThat(problem.path("status").asInt()).isEqualTo(400);
		assertThat(problem.path("type").asString()).isEqualTo("urn:groundgame:problem:invalid-input");
		assertThat(body).doesNotContain("<html").doesNotContain("Tomcat");
	}

	@ParameterizedTest
	@ValueSource(strings = { "state=MO", "state=%C3%A9%F0%9F%8C%BB", "a=b+c&d=%25", "" })
	void aQueryThatDecodesIsNotRefused(String query) {
		assertThat(MalformedQueryFilter.verdict(query)).isEqualTo(MalformedQueryFilter.Verdict.ACCEPTED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "state=%zz", "state=a%2", "state=a%", "%C0%AF=x", "state=%ED%A0%80", "state=%FF%FE" })
	void aQueryThatCannotBeDecodedIsSaidToBeSo(String query) throws IOException {
		JsonNode problem = problem("/api/chapters?" + query);

		assertThat(problem.path("detail").asString())
			.isEqualTo("The query cannot be decoded: every %-escape must be two hex digits and the bytes UTF-8.");
		assertThat(problem.path("errors")).singleElement().satisfies((error) -> {
			assertThat(error.path("field").asString()).isEqualTo("query");
			assertThat(error.path("message").asString()).isEqualTo("is not valid");
		});
	}

	/**
	 * A NUL byte, a line break, DEL or a C1 control decode perfectly well: what the
	 * client must hear is that control characters are refused, not that its query could
	 * not be decoded.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "state=a%00b", "office=a%00b", "state=a%0D%0Ab", "a%7Fb=x", "state=%C2%85",
			"state=%E2%80%8B%00" })
	void aQueryWithAControlCharacterIsToldThatControlCharactersAreRefused(String query) throws IOException {
		JsonNode problem = problem("/api/chapters?" + query);

		assertThat(problem.path("detail").asString())
			.isEqualTo("The query holds a control character (such as %00, a line break or DEL): "
					+ "control characters are refused.")
			.doesNotContain("decoded");
		assertThat(problem.path("errors")).singleElement().satisfies((error) -> {
			assertThat(error.path("field").asString()).isEqualTo("query");
			assertThat(error.path("message").asString()).isEqualTo("must not contain control characters");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "state=%CD%B8", "state=%F4%8F%BF%BF" })
	void aQueryWithAnUnassignedCodePointIsToldSo(String query) throws IOException {
		JsonNode problem = problem("/api/chapters?" + query);

		assertThat(problem.path("detail").asString())
			.isEqualTo("The query holds a code point that Unicode does not assign, which is refused.");
		assertThat(problem.path("errors")).singleElement()
			.satisfies((error) -> assertThat(error.path("message").asString())
				.isEqualTo("must not contain unassigned characters"));
	}

	private JsonNode problem(String target) throws IOException {
		String answer = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(answer).as(answer).startsWith("HTTP/1.1 400");
		return JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
	}

	private String raw(String request) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream read = new ByteArrayOutputStream();
			in.transferTo(read);
			return read.toString(StandardCharsets.UTF_8);
		}
	}

}
