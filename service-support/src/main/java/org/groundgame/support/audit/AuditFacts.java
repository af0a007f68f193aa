package org.groundgame.support.audit;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.groundgame.events.EventCatalog;
import org.groundgame.events.PersonalData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The facts an audit entry keeps of an event: its payload without the fields the event
 * contract marks {@link PersonalData}, at any depth. What is left are ids, states,
 * positions, decisions and reasons: enough to check a roster's order or a decision's
 * trail, and nothing that erasing a person would have to reach.
 */
final class AuditFacts {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The personal fields of each event class, as paths of names ("[]" for a list). */
	private final Map<Class<?>, List<List<String>>> personalPaths = new ConcurrentHashMap<>();

	/**
	 * The payload of an event of the given type without its personal data. A type the
	 * catalog does not know keeps only its ids: its personal fields cannot be known.
	 */
	String ofEvent(String type, String payload) {
		JsonNode tree = JSON.readTree(payload);
		if (!(tree instanceof ObjectNode object)) {
			return "{}";
		}
		return EventCatalog.classOf(type).map((event) -> {
			for (List<String> path : this.personalPaths.computeIfAbsent(event, AuditFacts::personalPathsOf)) {
				remove(object, path, 0);
			}
			return JSON.writeValueAsString(object);
		}).orElse("{}");
	}

	/** Facts given directly by a service for a change made without an event. */
	String of(Map<String, ?> facts) {
		return JSON.writeValueAsString(facts);
	}

	private static void remove(JsonNode node, List<String> path, int at) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return;
		}
		String step = path.get(at);
		if ("[]".equals(step)) {
			node.forEach((element) -> remove(element, path, at + 1));
			return;
		}
		if (!(node instanceof ObjectNode object)) {
			return;
		}
		if (at == path.size() - 1) {
			object.remove(step);
		}
		else {
			remove(object.get(step), path, at + 1);
		}
	}

	static List<List<String>> personalPathsOf(Class<?> record) {
		List<List<String>> paths = new ArrayList<>();
		collect(record, new ArrayList<>(), paths);
		return paths;
	}

	private static void collect(Class<?> record, List<String> prefix, List<List<String>> paths) {
		for (RecordComponent component : record.getRecordComponents()) {
			List<String> path = new ArrayList<>(prefix);
			path.add(component.getName());
			if (component.isAnnotationPresent(PersonalData.class)) {
				paths.add(path);
			}
			else {
				collectWithin(component.getGenericType(), path, paths);
			}
		}
	}

	private static void collectWithin(Type type, List<String> path, List<List<String>> paths) {
		if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw
				&& Collection.class.isAssignableFrom(raw)) {
			List<String> elements = new ArrayList<>(path);
			elements.add("[]");
			collectWithin(parameterized.getActualTypeArguments()[0], elements, paths);
		}
		else if (type instanceof Class<?> raw && raw.isRecord()) {
			collect(raw, path, paths);
		}
	}

}
