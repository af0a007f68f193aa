package org.groundgame.security;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.ExceptionUtils;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The web server's own errors as problem documents. Tomcat refuses some requests before
 * any servlet sees them (an encoded slash {@code %2F} or backslash {@code %5C}, a
 * {@code %00}, a malformed {@code %} escape, a character not allowed in the request line)
 * and answered them with its HTML error page; every client of the API expects
 * {@code application/problem+json}. This replaces the host's {@link ErrorReportValve}
 * with one that writes the platform's problem document: for a {@code 400},
 * {@code urn:groundgame:problem:invalid-input} naming the {@code path}; for any other
 * status, the status and its reason. Nothing of the request is echoed (it may be what an
 * attacker chose). The gateway and every service register it.
 */
public final class ServerErrorProblems
		implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addContextCustomizers(ServerErrorProblems::replaceErrorReportValve);
	}

	/**
	 * After Spring Boot's own customizer, which adds an {@link ErrorReportValve} without
	 * the report.
	 */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	private static void replaceErrorReportValve(Context context) {
		Container host = context.getParent();
		for (Valve valve : host.getPipeline().getValves()) {
			if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
				host.getPipeline().removeValve(valve);
			}
		}
		if (host instanceof StandardHost standard) {
			// So that the host, when it starts, finds its error valve already there.
			standard.setErrorReportValveClass(ProblemReportValve.class.getName());
		}
		host.getPipeline().addValve(new ProblemReportValve());
	}

	/**
	 * Writes a problem document where Tomcat wrote its HTML error page: only when nothing
	 * was written yet (an error that Spring MVC answered keeps its own document).
	 */
	public static final class ProblemReportValve extends ErrorReportValve {

		private static final JsonMapper JSON = JsonMapper.builder().build();

		public ProblemReportValve() {
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			AtomicBoolean ioAllowed = new AtomicBoolean(true);
			response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
			if (!ioAllowed.get()) {
				return;
			}
			byte[] body = JSON.writeValueAsBytes(problem(status));
			try {
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(new String(body, StandardCharsets.UTF_8));
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// The client went away or the answer started: nothing more to say.
			}
			catch (Throwable ex) {
				ExceptionUtils.handleThrowable(ex);
			}
		}

		static Map<String, Object> problem(int status) {
			HttpStatus known = HttpStatus.resolve(status);
			String title = (known != null) ? known.getReasonPhrase() : "Error";
			Map<String, Object> problem = new LinkedHashMap<>();
			if (status == 400) {
				problem.put("type", "urn:groundgame:problem:invalid-input");
				problem.put("title", "Invalid input");
				problem.put("status", status);
				problem.put("detail",
						"The request's path or query is not acceptable: encoded slashes (%2F), "
								+ "backslashes (%5C), NUL bytes (%00), malformed %-escapes and characters not allowed "
								+ "in a URL are refused.");
				problem.put("errors", List.of(Map.of("field", "path", "message", "is not a valid request target")));
			}
			else {
				problem.put("type", "about:blank");
				problem.put("title", title);
				problem.put("status", status);
				problem.put("detail", "The web server refused the request: " + title + ".");
			}
			return problem;
		}

	}

}
