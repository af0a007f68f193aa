package org.groundgame.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of an event as a person's personal data (a name, an address, a match key
 * derived from one) or a person's private link. Such a field is {@code x-personal-data}
 * in the AsyncAPI document (the build checks that the two agree); consumers keep it only
 * while they need it and never log it; the audit trail keeps every event but never these
 * fields.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface PersonalData {

}
