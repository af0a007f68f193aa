package org.groundgame.web.site;

import jakarta.servlet.http.HttpServletResponse;

import org.groundgame.web.api.ApiProblem;
import org.groundgame.web.api.ServiceUnavailable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors are pages, not JSON: what a service could not find is the friendly 404 page, a
 * service that is down is a 503 page naming what is down, and a request the API refused
 * outright (a filter of the wrong form, say) is a 400 page. Forms handle their own
 * problems, showing them next to their fields; what reaches here is what a form could not
 * place.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ErrorPages {

	@ExceptionHandler
	String unavailable(ServiceUnavailable ex, HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader(HttpHeaders.RETRY_AFTER, "30");
		noStore(response);
		model.addAttribute("service", ex.service().messageKey());
		return "error/503";
	}

	@ExceptionHandler
	String problem(ApiProblem ex, HttpServletResponse response, Model model) {
		noStore(response);
		if (ex.isNotFound()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return "error/404";
		}
		if (ex.status() == 429) {
			response.setStatus(429);
			return "error/429";
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("problem", ex);
		return "error/4xx";
	}

	@ExceptionHandler
	String badParameter(MethodArgumentTypeMismatchException ex, HttpServletResponse response, Model model) {
		noStore(response);
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return "error/4xx";
	}

	private static void noStore(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
	}

}
