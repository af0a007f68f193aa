package org.groundgame.gateway.edge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body that fits is read whole, on the request's own thread, before the request goes
 * any further: what reads it later (the proxy, on its HTTP client's thread) reads memory,
 * never the container's stream, which may belong to another request by then.
 */
class BodySizeLimitFilterTests {

	private final BodySizeLimitFilter filter = new BodySizeLimitFilter(DataSize.ofKilobytes(1), DataSize.ofKilobytes(4),
			List.of("/api/candidates/*/photo"));

	@Test
	void aDeclaredBodyIsReadWholeBeforeTheChainAndServedFromMemory() throws Exception {
		MockHttpServletRequest container = new MockHttpServletRequest("POST", "/api/nominations");
		container.setContent("{\"office\":\"Mayor\"}".getBytes(StandardCharsets.UTF_8));
		container.setContentType("application/json");
		AtomicReference<ServletRequest> passedOn = new AtomicReference<>();
		AtomicReference<Integer> leftInTheContainer = new AtomicReference<>();

		this.filter.doFilter(container, new MockHttpServletResponse(), (request, response) -> {
			passedOn.set(request);
			leftInTheContainer.set(container.getInputStream().available());
		});

		assertThat(leftInTheContainer.get()).as("bytes left in the container's stream").isZero();
		assertThat(passedOn.get()).isNotSameAs(container);
		assertThat(body(passedOn.get())).isEqualTo("{\"office\":\"Mayor\"}");
		assertThat(passedOn.get().getContentLengthLong()).isEqualTo(18);
	}

	@Test
	void aRequestWithoutABodyGoesOnAsItCame() throws Exception {
		MockHttpServletRequest container = new MockHttpServletRequest("GET", "/api/chapters");
		AtomicReference<ServletRequest> passedOn = new AtomicReference<>();

		this.filter.doFilter(container, new MockHttpServletResponse(), (request, response) -> passedOn.set(request));

		assertThat(passedOn.get()).isSameAs(container);
	}

	@Test
	void aDeclaredBodyAboveTheLimitIsRefusedUnread() throws Exception {
		MockHttpServletRequest container = new MockHttpServletRequest("POST", "/api/nominations");
		container.setContent(new byte[1025]);
		MockHttpServletResponse response = new MockHttpServletResponse();
		AtomicReference<ServletRequest> passedOn = new AtomicReference<>();

		this.filter.doFilter(container, response, (request, answer) -> passedOn.set(request));

		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(passedOn.get()).isNull();
		assertThat(container.getInputStream().available()).isEqualTo(1025);
	}

	private static String body(ServletRequest request) throws IOException {
		return new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
	}

}
