package org.groundgame.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The public identity of an event: its versioned CloudEvents {@code type} and the topic
 * it travels on. A breaking change to an event gets a new type (a new version), never an
 * edit of this one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

	/**
	 * The CloudEvents {@code type}, e.g.
	 * {@code org.groundgame.endorsement.EndorsementGranted.v1}.
	 */
	String value();

	/** The Kafka topic, one per producing service (see {@link Topics}). */
	String topic();

	/** What happened, in the organizers' words; copied into the AsyncAPI document. */
	String description();

}
