package org.groundgame.notification.people.domain;

import java.util.Objects;

/**
 * What notification-service knows of a person it may have to tell of something: how to
 * address them and how they agreed to be contacted, from their latest sign-up.
 *
 * @param personId the person's id in the service that knows them (a volunteer's id)
 * @param name the name they gave, to greet them by; personal data
 * @param email their e-mail address, to be written to only with {@code emailConsent};
 * personal data
 * @param emailConsent they agreed to be e-mailed
 * @param smsConsent they agreed to be sent text messages
 * @param chapterId their chapter, or {@code null}
 * @param language the language they read, as their latest sign-up said ({@code en},
 * {@code es}), or {@code null} when it said none (English); not personal data
 */
public record Person(String personId, String name, String email, boolean emailConsent, boolean smsConsent,
		String chapterId, String language) {

	public Person {
		Objects.requireNonNull(personId, "personId");
		language = (language != null && !language.isBlank()) ? language.strip() : null;
	}

	/** A person whose language is not known (English). */
	public Person(String personId, String name, String email, boolean emailConsent, boolean smsConsent,
			String chapterId) {
		this(personId, name, email, emailConsent, smsConsent, chapterId, null);
	}

	/**
	 * Whether an e-mail may be sent to this person: they consented and gave an address.
	 */
	public boolean mayBeEmailed() {
		return this.emailConsent && this.email != null && !this.email.isBlank();
	}

	/**
	 * Without the name and the e-mail address, so that logging a person leaks neither.
	 */
	@Override
	public String toString() {
		return "Person[personId=" + this.personId + ", emailConsent=" + this.emailConsent + ", smsConsent="
				+ this.smsConsent + ", chapterId=" + this.chapterId + ", language=" + this.language + "]";
	}

}
