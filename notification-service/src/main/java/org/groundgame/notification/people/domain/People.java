package org.groundgame.notification.people.domain;

import java.util.Optional;

/**
 * The people this service may have to tell of something, with their contact and consent,
 * projected from the events that concern them (never asked of another service).
 * Eventually consistent: a person is known once their sign-up has been consumed, and no
 * longer once they were erased.
 */
@FunctionalInterface
public interface People {

	Optional<Person> byId(String personId);

}
