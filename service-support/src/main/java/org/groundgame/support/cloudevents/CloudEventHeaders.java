package org.groundgame.support.cloudevents;

import java.nio.charset.StandardCharsets;

import org.springframework.messaging.Message;

/**
 * The CloudEvents 1.0 Kafka protocol binding in binary mode: each context attribute is a
 * Kafka header prefixed {@code ce_}, the data content type is the {@code content-type}
 * header, and the data is the record's value.
 */
public final class CloudEventHeaders {

	public static final String SPEC_VERSION = "ce_specversion";

	public static final String ID = "ce_id";

	public static final String TYPE = "ce_type";

	public static final String SOURCE = "ce_source";

	public static final String SUBJECT = "ce_subject";

	public static final String TIME = "ce_time";

	public static final String CONTENT_TYPE = "content-type";

	public static final String JSON = "application/json";

	public static final String SPEC_VERSION_1_0 = "1.0";

	private CloudEventHeaders() {
	}

	/**
	 * A header of a received message as text, whether the binder's header mapper
	 * delivered it as raw bytes or as a string; {@code null} when absent.
	 */
	public static String text(Message<?> message, String name) {
		Object value = message.getHeaders().get(name);
		if (value instanceof byte[] bytes) {
			return new String(bytes, StandardCharsets.UTF_8);
		}
		return (value != null) ? value.toString() : null;
	}

}
