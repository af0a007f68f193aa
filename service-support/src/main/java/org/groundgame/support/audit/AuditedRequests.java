package org.groundgame.support.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Chains every change made with a token (staff, training staff, a chapter, a client) into
 * the audit trail as it is answered: the operation (method and route), the ids in its
 * path (the resource it changed), the answer's status, who and through which request.
 * Together with the entries of the events the change caused, this keeps the changes that
 * publish no event on the record too (attendance, capacity, subscriptions, clients,
 * retries). Request bodies are not kept: they may carry personal data, which the event
 * entries leave out.
 * <p>
 * The entry is appended once the change is stored and answered: a process that dies in
 * between loses this entry, not the event entries, which the outbox guarantees.
 */
public class AuditedRequests implements HandlerInterceptor {

	private static final Logger log = LoggerFactory.getLogger(AuditedRequests.class);

	/** A variable of a route, such as {@code {cohortId}} or {@code {id:[a-z]+}}. */
	private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)");

	private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final AuditTrail trail;

	private final AuditActors actors;

	public AuditedRequests(AuditTrail trail, AuditActors actors) {
		this.trail = trail;
		this.actors = actors;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable Exception ex) {
		if (READS.contains(request.getMethod()) || !(handler instanceof HandlerMethod) || response.getStatus() >= 300
				|| ex != null) {
			return;
		}
		AuditActor actor = this.actors.current();
		if (actor == AuditActor.ANONYMOUS || actor == AuditActor.SYSTEM) {
			// A public caller's changes are on the record through their events.
			return;
		}
		Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		@SuppressWarnings("unchecked")
		Map<String, String> variables = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("status", response.getStatus());
		if (variables != null && !variables.isEmpty()) {
			facts.put("path", variables);
		}
		String resourceId = resourceOf(String.valueOf(route), variables, response.getHeader(HttpHeaders.LOCATION));
		try {
			this.trail.record(request.getMethod() + " " + route, resourceId, facts);
		}
		catch (RuntimeException failure) {
			// The change is made and answered; the events it caused are chained anyway.
			log.error("A change ({} {}) could not be added to the audit trail: {}", request.getMethod(), route,
					failure.getMessage());
		}
	}

	/**
	 * The resource changed: the first id in the path (the aggregate: a cohort, a shift, a
	 * nomination), or for a creation the id its {@code Location} names.
	 */
	private static String resourceOf(String route, @Nullable Map<String, String> variables, @Nullable String location) {
		Matcher first = VARIABLE.matcher(route);
		if (variables != null && first.find() && variables.get(first.group(1)) != null) {
			return variables.get(first.group(1));
		}
		if (location != null && !location.isBlank()) {
			String path = location.replaceFirst("[?#].*$", "");
			return path.substring(path.lastIndexOf('/') + 1);
		}
		return "-";
	}

}
