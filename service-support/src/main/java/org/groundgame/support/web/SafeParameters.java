package org.groundgame.support.web;

import java.util.Map;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.groundgame.support.domain.FieldProblems;
import org.groundgame.support.domain.InvalidInputException;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Refuses, before any controller runs, a request whose query or form parameters (names or
 * values) or path variables carry {@link SafeText unsafe characters}: a {@code 400}
 * problem naming each parameter, as for a body field. A NUL byte in a parameter that
 * reached a store's regular expression was a {@code 500}; refusing the class of input at
 * the edge of every controller keeps any parameter, present or future, from reaching a
 * store with it.
 */
public final class SafeParameters implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		FieldProblems problems = new FieldProblems();
		if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
			variables.forEach((name, value) -> check(problems, String.valueOf(name), String.valueOf(value)));
		}
		// The container's own request: Spring Security's firewall wraps it and throws on
		// some of what is checked here, without naming the parameter.
		ServletRequest raw = request;
		while (raw instanceof ServletRequestWrapper wrapper) {
			raw = wrapper.getRequest();
		}
		Map<String, String[]> parameters;
		try {
			parameters = raw.getParameterMap();
		}
		catch (IllegalStateException ex) {
			// Tomcat's refusal of a malformed %-escape or of bytes that are not UTF-8.
			throw ProblemDetailsAdvice.malformedQuery();
		}
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			String name = parameter.getKey();
			String nameProblem = SafeText.problem(name);
			if (nameProblem != null) {
				problems.add("parameter name", nameProblem);
				continue;
			}
			for (String value : parameter.getValue()) {
				check(problems, name, value);
			}
		}
		problems.throwIfAny();
		return true;
	}

	private static void check(FieldProblems problems, String name, String value) {
		String problem = SafeText.problem(value);
		if (problem != null) {
			problems.add(name, problem);
		}
	}

}
