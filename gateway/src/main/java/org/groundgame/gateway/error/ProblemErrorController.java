package org.groundgame.gateway.error;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.error.ErrorAttributeOptions.Include;
import org.springframework.boot.webmvc.autoconfigure.error.AbstractErrorController;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers what reaches the servlet container's error page (an error no exception handler
 * took, a {@code sendError}) as a problem document too, in place of Boot's JSON map.
 */
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController extends AbstractErrorController {

	ProblemErrorController(ErrorAttributes errorAttributes) {
		super(errorAttributes);
	}

	@RequestMapping
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(ProblemExceptionHandler.ABOUT_BLANK);
		Map<String, Object> attributes = getErrorAttributes(request, ErrorAttributeOptions.of(Include.PATH));
		if (attributes.get("path") instanceof String path) {
			try {
				problem.setInstance(new URI(path));
			}
			catch (URISyntaxException ex) {
				// Not worth a second error: the problem goes out without its instance.
			}
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
