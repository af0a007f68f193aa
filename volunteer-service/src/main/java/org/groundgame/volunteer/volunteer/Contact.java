package org.groundgame.volunteer.volunteer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.groundgame.support.domain.InvalidInputException;
import org.groundgame.support.domain.InvalidInputException.FieldError;
import org.groundgame.support.geography.UsState;

/**
 * What a volunteer told us about themselves on signing up, checked: every field at fault
 * is reported at once.
 *
 * @param name the name as given (trimmed)
 * @param email the e-mail address as given (trimmed)
 * @param phone the phone number in E.164 ({@code +13145550123}), or {@code null}
 * @param zip the ZIP code ({@code 63101} or {@code 63101-1234}), or {@code null}
 * @param state the state, or {@code null}
 * @param chapterId a registered chapter, or {@code null}
 * @param interests the kinds of work they would like to do, possibly none
 * @param emailConsent the e-mail consent as stated (unspecified when not stated)
 * @param smsConsent the text-message consent as stated
 * @param source where they found the form, or {@code null}
 * @param referralCode who referred them, or {@code null}
 * @param language the language they read, or {@code null} when they did not say
 */
record Contact(String name, String email, String phone, String zip, UsState state, String chapterId,
		Set<Interest> interests, ChannelConsent emailConsent, ChannelConsent smsConsent, String source,
		String referralCode, Language language) {

	static final int MAX_NAME = 200;

	static final int MAX_EMAIL = 254;

	static final int MAX_SOURCE = 100;

	static final int MAX_REFERRAL_CODE = 64;

	static final int MAX_ID = 100;

	private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

	private static final Pattern ZIP = Pattern.compile("\\d{5}(-\\d{4})?");

	/** Blanks, dots, dashes and parentheses people write phone numbers with. */
	private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[\\s().\\-]");

	/** A North American number: area code and exchange do not start with 0 or 1. */
	private static final Pattern NANP = Pattern.compile("(?:\\+?1)?([2-9]\\d{2}[2-9]\\d{6})");

	/**
	 * The key that identifies a volunteer: their e-mail address without case or
	 * surrounding blanks.
	 */
	static String emailKey(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * Checks a sign-up.
	 * @param signUp what was sent
	 * @param registeredChapter whether a chapter id names a registered chapter
	 * @param how how consent is being given, e.g. {@code sign-up form}
	 * @param now when
	 * @return the checked contact details
	 * @throws InvalidInputException naming every field at fault
	 */
	static Contact of(SignUp signUp, Predicate<String> registeredChapter, String how, java.time.Instant now) {
		List<FieldError> errors = new ArrayList<>();
		String name = required(signUp.name(), "name", MAX_NAME, errors);
		String email = required(signUp.email(), "email", MAX_EMAIL, errors);
		if (email != null && !EMAIL.matcher(email).matches()) {
			errors.add(new FieldError("email", "must be a well-formed e-mail address"));
		}
		String phone = phone(signUp.phone(), errors);
		String zip = optional(signUp.zip(), "zip", 10, errors);
		if (zip != null && !ZIP.matcher(zip).matches()) {
			errors.add(new FieldError("zip", "must be a US ZIP code (12345 or 12345-6789)"));
		}
		UsState state = null;
		if (signUp.state() != null) {
			state = UsState.fromCode(signUp.state()).orElse(null);
			if (state == null) {
				errors.add(new FieldError("state", UsState.INVALID_MESSAGE));
			}
		}
		String chapterId = optional(signUp.chapterId(), "chapterId", MAX_ID, errors);
		if (chapterId != null && chapterId.length() <= MAX_ID && !registeredChapter.test(chapterId)) {
			errors.add(new FieldError("chapterId", "must be the id of a registered chapter"));
		}
		Set<Interest> interests = interests(signUp.interests(), errors);
		ChannelConsent emailConsent = consent(signUp.emailConsent(), "consent.email", how, now, errors);
		ChannelConsent smsConsent = consent(signUp.smsConsent(), "consent.sms", how, now, errors);
		String source = optional(signUp.source(), "source", MAX_SOURCE, errors);
		String referralCode = optional(signUp.referralCode(), "referralCode", MAX_REFERRAL_CODE, errors);
		Language language = null;
		if (signUp.language() != null && !signUp.language().isBlank()) {
			language = Language.parse(signUp.language()).orElse(null);
			if (language == null) {
				errors.add(new FieldError("language", Language.INVALID_MESSAGE));
			}
		}
		if (signUp.phoneRequired() && phone == null && !errors.stream().anyMatch((e) -> e.field().equals("phone"))) {
			errors.add(new FieldError("phone", "must not be blank"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new Contact(name, email, phone, zip, state, chapterId, interests, emailConsent, smsConsent, source,
				referralCode, language);
	}

	/**
	 * A phone number in E.164, from the ways people in the US write one:
	 * {@code (314) 555-0123}, {@code 314.555.0123}, {@code +1 314 555 0123},
	 * {@code 1-314-555-0123}.
	 */
	static String phone(String given, List<FieldError> errors) {
		String phone = optional(given, "phone", 30, errors);
		if (phone == null) {
			return null;
		}
		var matcher = NANP.matcher(PHONE_PUNCTUATION.matcher(phone).replaceAll(""));
		if (!matcher.matches()) {
			errors.add(new FieldError("phone", "must be a US phone number, such as (314) 555-0123"));
			return null;
		}
		return "+1" + matcher.group(1);
	}

	private static Set<Interest> interests(List<String> given, List<FieldError> errors) {
		Set<Interest> interests = EnumSet.noneOf(Interest.class);
		if (given == null) {
			return interests;
		}
		for (String interest : given) {
			try {
				interests.add(Interest.valueOf(String.valueOf(interest).strip().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				errors.add(new FieldError("interests", "must each be one of " + EnumSet.allOf(Interest.class)));
				break;
			}
		}
		return interests;
	}

	private static ChannelConsent consent(String given, String field, String how, java.time.Instant now,
			List<FieldError> errors) {
		if (given == null) {
			return ChannelConsent.UNSPECIFIED;
		}
		ConsentStatus status;
		try {
			status = ConsentStatus.valueOf(given.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldError(field, "must be true, false, OPT_IN, OPT_OUT or UNSPECIFIED"));
			return ChannelConsent.UNSPECIFIED;
		}
		return (status == ConsentStatus.UNSPECIFIED) ? ChannelConsent.UNSPECIFIED
				: new ChannelConsent(status, now, how);
	}

	private static String required(String given, String field, int max, List<FieldError> errors) {
		if (given == null || given.isBlank()) {
			errors.add(new FieldError(field, "must not be blank"));
			return null;
		}
		return optional(given, field, max, errors);
	}

	/** The value trimmed, {@code null} when blank; too long is an error. */
	private static String optional(String given, String field, int max, List<FieldError> errors) {
		if (given == null || given.isBlank()) {
			return null;
		}
		String value = given.strip();
		if (value.length() > max) {
			errors.add(new FieldError(field, "must be at most " + max + " characters"));
			return null;
		}
		return value;
	}

	/** Never the person's data in a log line. */
	@Override
	public String toString() {
		return "Contact[chapterId=" + this.chapterId + "]";
	}

	/**
	 * What a sign-up asks for, as given. Consent per channel is {@code OPT_IN},
	 * {@code OPT_OUT}, {@code UNSPECIFIED} or {@code null} (not stated).
	 *
	 * @param language {@code en} or {@code es} (any case), or {@code null}
	 * @param phoneRequired whether the form asks for a phone number (a one-step RSVP
	 * does: organizers call volunteers before a shift)
	 */
	public record SignUp(String name, String email, String phone, String zip, String state, String chapterId,
			List<String> interests, String emailConsent, String smsConsent, String source, String referralCode,
			String language, boolean phoneRequired) {

		/**
		 * A sign-up naming only the person and their address, on a form where the phone
		 * is optional; the {@code with…} steps add what else they said.
		 */
		static SignUp of(String name, String email) {
			return new SignUp(name, email, null, null, null, null, null, null, null, null, null, null, false);
		}

		SignUp withPhone(String phone) {
			return new SignUp(this.name, this.email, phone, this.zip, this.state, this.chapterId, this.interests,
					this.emailConsent, this.smsConsent, this.source, this.referralCode, this.language,
					this.phoneRequired);
		}

		/** Where the person lives: a ZIP code and a state, either possibly none. */
		SignUp livingIn(String zip, String state) {
			return new SignUp(this.name, this.email, this.phone, zip, state, this.chapterId, this.interests,
					this.emailConsent, this.smsConsent, this.source, this.referralCode, this.language,
					this.phoneRequired);
		}

		/** The same sign-up, naming another chapter (a walk-in joins the shift's). */
		SignUp inChapter(String chapterId) {
			return new SignUp(this.name, this.email, this.phone, this.zip, this.state, chapterId, this.interests,
					this.emailConsent, this.smsConsent, this.source, this.referralCode, this.language,
					this.phoneRequired);
		}

		SignUp withInterests(List<String> interests) {
			return new SignUp(this.name, this.email, this.phone, this.zip, this.state, this.chapterId, interests,
					this.emailConsent, this.smsConsent, this.source, this.referralCode, this.language,
					this.phoneRequired);
		}

		/** What the person said to e-mails and to texts, each possibly not stated. */
		SignUp withConsent(String emailConsent, String smsConsent) {
			return new SignUp(this.name, this.email, this.phone, this.zip, this.state, this.chapterId, this.interests,
					emailConsent, smsConsent, this.source, this.referralCode, this.language, this.phoneRequired);
		}

		/**
		 * Where the person found the form, and who referred them, either possibly none.
		 */
		SignUp from(String source, String referralCode) {
			return new SignUp(this.name, this.email, this.phone, this.zip, this.state, this.chapterId, this.interests,
					this.emailConsent, this.smsConsent, source, referralCode, this.language, this.phoneRequired);
		}

		SignUp inLanguage(String language) {
			return new SignUp(this.name, this.email, this.phone, this.zip, this.state, this.chapterId, this.interests,
					this.emailConsent, this.smsConsent, this.source, this.referralCode, language, this.phoneRequired);
		}

		/**
		 * The same sign-up on a form that asks for a phone number (the one-step RSVP:
		 * organizers call volunteers before a shift).
		 */
		SignUp withPhoneRequired() {
			return new SignUp(this.name, this.email, this.phone, this.zip, this.state, this.chapterId, this.interests,
					this.emailConsent, this.smsConsent, this.source, this.referralCode, this.language, true);
		}

		@Override
		public String toString() {
			return "SignUp[chapterId=" + this.chapterId + "]";
		}

	}

}
