package org.groundgame.notification.people.domain;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Optional;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.PersonalData;

/**
 * Whose personal data an event carries, read from its contract: the fields marked
 * {@link PersonalData @PersonalData} (in the event or a record inside it) that have a
 * value belong to the event's {@link DomainEvent#personalDataSubject() personal data
 * subject}. An event whose marked fields are all empty carries nobody's data.
 */
public final class EventPersonalData {

	private EventPersonalData() {
	}

	/**
	 * The personal record whose data the event carries, if it carries any: what must be
	 * erased when that person is.
	 */
	public static Optional<String> subjectOf(DomainEvent event) {
		if (event == null || !carriesPersonalData(event)) {
			return Optional.empty();
		}
		return Optional.ofNullable(event.personalDataSubject());
	}

	static boolean carriesPersonalData(Object value) {
		if (value == null) {
			return false;
		}
		if (value instanceof Iterable<?> items) {
			for (Object item : items) {
				if (carriesPersonalData(item)) {
					return true;
				}
			}
			return false;
		}
		if (!value.getClass().isRecord()) {
			return false;
		}
		for (RecordComponent component : value.getClass().getRecordComponents()) {
			Object field = valueOf(component, value);
			if (component.isAnnotationPresent(PersonalData.class) && hasValue(field)) {
				return true;
			}
			if (carriesPersonalData(field)) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasValue(Object field) {
		return field != null && !(field instanceof CharSequence text && text.toString().isBlank());
	}

	private static Object valueOf(RecordComponent component, Object record) {
		try {
			component.getAccessor().setAccessible(true);
			return component.getAccessor().invoke(record);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Cannot read " + component.getName() + " of an event", ex);
		}
	}

}
