package org.groundgame.support.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.groundgame.security.ProblemResponses;
import org.groundgame.support.domain.IllegalStateChangeException;
import org.groundgame.support.domain.InvalidInputException;
import org.groundgame.support.domain.NotFoundException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error a service answers is an RFC 9457 problem document. Invalid input is a
 * {@code 400} whose {@code errors} name each field at fault and why; an unknown id a
 * {@code 404}; a caller without a token a {@code 401}, one whose token does not allow the
 * request a {@code 403}; an illegal state change or a concurrent change a {@code 409}.
 * Anything unexpected is a {@code 500} that reveals nothing of the internals (the details
 * go to the log).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	/** When a client may try again after the store was unreachable. */
	static final String STORE_RETRY_AFTER_SECONDS = "5";

	/**
	 * One field at fault: its path in the request ({@code race.state},
	 * {@code shifts[0].capacity}).
	 */
	public record FieldProblem(String field, String message) {
	}

	public static ProblemDetail invalidInput(List<FieldProblem> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has invalid fields: "
						+ errors.stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", ")));
		problem.setType(ProblemTypes.INVALID_INPUT);
		problem.setTitle("Invalid input");
		problem.setProperty("errors", errors);
		return problem;
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<Object> invalidInput(InvalidInputException ex) {
		return problem(invalidInput(
				ex.errors().stream().map((error) -> new FieldProblem(error.field(), error.message())).toList()));
	}

	/**
	 * Spring Security's firewall refusing a parameter that a controller read: invalid
	 * input, not a fault of the service.
	 */
	@ExceptionHandler(RequestRejectedException.class)
	ResponseEntity<Object> requestRejected(RequestRejectedException ex) {
		return problem(invalidInput(List.of(new FieldProblem("request", "is not acceptable"))));
	}

	/**
	 * A query or form whose {@code %}-escapes are malformed or whose bytes are not UTF-8,
	 * which Tomcat refuses when it is first read (its message quotes the parameter, which
	 * may be personal data: it is not logged).
	 */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<Object> malformedParameters(InvalidParameterException ex) {
		return invalidInput(malformedQuery());
	}

	/**
	 * @return the refusal of a query or form that cannot be decoded
	 */
	static InvalidInputException malformedQuery() {
		return new InvalidInputException(List.of(new InvalidInputException.FieldError("query",
				"is not valid: every %-escape must be two hex digits and the bytes UTF-8")));
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<Object> notFound(NotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setType(ProblemTypes.NOT_FOUND);
		problem.setTitle("Not found");
		return problem(problem);
	}

	@ExceptionHandler(IllegalStateChangeException.class)
	ResponseEntity<Object> illegalStateChange(IllegalStateChangeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setType(ProblemTypes.ILLEGAL_STATE_CHANGE);
		problem.setTitle("Illegal state change");
		problem.setProperty("currentState", ex.currentState());
		return problem(problem);
	}

	@ExceptionHandler({ OptimisticLockingFailureException.class, DuplicateKeyException.class })
	ResponseEntity<Object> concurrentChange(RuntimeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The resource was changed by another request at the same time; read it again and retry.");
		problem.setType(ProblemTypes.CONCURRENT_CHANGE);
		problem.setTitle("Concurrent change");
		return problem(problem);
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<Object> unauthenticated(AuthenticationException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				"A valid bearer token is needed: POST /oauth2/token to get one.");
		problem.setType(ProblemResponses.UNAUTHORIZED);
		problem.setTitle("Unauthorized");
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Object> forbidden(AccessDeniedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
		problem.setType(ProblemResponses.FORBIDDEN);
		problem.setTitle("Forbidden");
		return problem(problem);
	}

	/**
	 * The store could not be reached (no server within the driver's server selection
	 * timeout, a connection refused or lost): {@code 503} with {@code Retry-After}, not
	 * an internal error, so that a client tries again and the gateway's breaker counts
	 * the service as unavailable. One line in the log per request, without a stack trace:
	 * it says nothing new while the outage lasts.
	 */
	@ExceptionHandler(DataAccessResourceFailureException.class)
	ResponseEntity<Object> storeUnavailable(DataAccessResourceFailureException ex) {
		log.warn("The store is unreachable: {}", ex.getMostSpecificCause().getClass().getSimpleName());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The service cannot reach its store just now; try again shortly.");
		problem.setType(ProblemTypes.SERVICE_UNAVAILABLE);
		problem.setTitle("Service unavailable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, STORE_RETRY_AFTER_SECONDS)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex) {
		log.error("Unexpected error", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side; it has been logged.");
		problem.setType(ProblemTypes.INTERNAL_ERROR);
		problem.setTitle("Internal error");
		return problem(problem);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((error) -> errors.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
		return problem(invalidInput(errors));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach((result) -> {
			String name = result.getMethodParameter().getParameterName();
			result.getResolvableErrors()
				.forEach((error) -> errors
					.add(new FieldProblem((error instanceof FieldError fieldError) ? fieldError.getField() : name,
							error.getDefaultMessage())));
		});
		return problem(invalidInput(errors));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
			MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		return problem(invalidInput(List.of(new FieldProblem(ex.getParameterName(), "is required"))));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String field = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		return problem(invalidInput(List.of(new FieldProblem(field, "has an invalid value"))));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getMostSpecificCause();
		if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			return problem(invalidInput(List.of(new FieldProblem(path(jackson), reason(jackson)))));
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body is missing or is not valid JSON.");
		problem.setType(ProblemTypes.INVALID_INPUT);
		problem.setTitle("Invalid input");
		problem.setProperty("errors", List.of(new FieldProblem("body", "is missing or is not valid JSON")));
		return problem(problem);
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String reason(JacksonException ex) {
		if (ex instanceof StrictStringDeserializer.UnsafeTextException unsafe) {
			return unsafe.reason();
		}
		if (ex instanceof InvalidFormatException invalid && invalid.getTargetType() != null
				&& invalid.getTargetType().isEnum()) {
			return "must be one of " + Arrays.toString(invalid.getTargetType().getEnumConstants());
		}
		if (ex instanceof UnrecognizedPropertyException) {
			return "is not a known field";
		}
		if (ex instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
			return "must be a " + describe(mismatched.getTargetType());
		}
		return "has an invalid value";
	}

	private static String describe(Class<?> type) {
		if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
			return "number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "boolean";
		}
		if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
			return "date or time in ISO-8601 form";
		}
		if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "list";
		}
		if (type == String.class) {
			return "string";
		}
		return "JSON object";
	}

	private static ResponseEntity<Object> problem(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus())
			.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
