package org.groundgame.support.web;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdLoggingTests {

	private final RequestIdLogging filter = new RequestIdLogging();

	@Test
	void theGatewaysRequestIdIsInTheLoggingContextForTheRequestOnly() throws Exception {
		assertThat(requestIdSeenWith("3f2a9c1e-7b4d-4e2a-9d3c-1a2b3c4d5e6f"))
			.containsExactly("3f2a9c1e-7b4d-4e2a-9d3c-1a2b3c4d5e6f");
		assertThat(MDC.get(RequestIdLogging.MDC_KEY)).isNull();
	}

	@Test
	void anIdThatIsNotOfTheGatewaysFormNeverReachesTheLogs() throws Exception {
		assertThat(requestIdSeenWith("forged\nlevel=ERROR message=owned")).containsExactly((String) null);
		assertThat(requestIdSeenWith("x".repeat(65))).containsExactly((String) null);
		assertThat(requestIdSeenWith(null)).containsExactly((String) null);
	}

	private List<String> requestIdSeenWith(String header) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/chapters");
		if (header != null) {
			request.addHeader(RequestIdLogging.HEADER, header);
		}
		List<String> seen = new ArrayList<>();
		this.filter.doFilter(request, new MockHttpServletResponse(),
				(req, res) -> seen.add(MDC.get(RequestIdLogging.MDC_KEY)));
		return seen;
	}

}
