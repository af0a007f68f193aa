package org.groundgame.support.geography;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.groundgame.support.domain.InvalidInputException;

/**
 * The two-letter codes a chapter, a volunteer or an opportunity may be in: the 50 states,
 * the District of Columbia and the five inhabited territories (USPS codes). Military (AA,
 * AE, AP) and freely associated states' codes are not places a chapter organizes.
 */
public enum UsState {

	AL("Alabama"), AK("Alaska"), AZ("Arizona"), AR("Arkansas"), CA("California"), CO("Colorado"), CT("Connecticut"),
	DE("Delaware"), FL("Florida"), GA("Georgia"), HI("Hawaii"), ID("Idaho"), IL("Illinois"), IN("Indiana"), IA("Iowa"),
	KS("Kansas"), KY("Kentucky"), LA("Louisiana"), ME("Maine"), MD("Maryland"), MA("Massachusetts"), MI("Michigan"),
	MN("Minnesota"), MS("Mississippi"), MO("Missouri"), MT("Montana"), NE("Nebraska"), NV("Nevada"),
	NH("New Hampshire"), NJ("New Jersey"), NM("New Mexico"), NY("New York"), NC("North Carolina"), ND("North Dakota"),
	OH("Ohio"), OK("Oklahoma"), OR("Oregon"), PA("Pennsylvania"), RI("Rhode Island"), SC("South Carolina"),
	SD("South Dakota"), TN("Tennessee"), TX("Texas"), UT("Utah"), VT("Vermont"), VA("Virginia"), WA("Washington"),
	WV("West Virginia"), WI("Wisconsin"), WY("Wyoming"), DC("District of Columbia"), AS("American Samoa"), GU("Guam"),
	MP("Northern Mariana Islands"), PR("Puerto Rico"), VI("U.S. Virgin Islands");

	/** What a client is told when a code is not one of these. */
	public static final String INVALID_MESSAGE = "must be the two-letter code of a US state, DC or a US territory";

	private static final Map<String, UsState> BY_CODE = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(UsState::code, Function.identity()));

	private final String displayName;

	UsState(String displayName) {
		this.displayName = displayName;
	}

	public String code() {
		return name();
	}

	public String displayName() {
		return this.displayName;
	}

	/**
	 * The state of a code, ignoring case and surrounding blanks; empty when the code is
	 * not a US state or territory.
	 */
	public static Optional<UsState> fromCode(String code) {
		if (code == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(BY_CODE.get(code.strip().toUpperCase(Locale.ROOT)));
	}

	/**
	 * The state of a code given as input in the named field.
	 * @throws InvalidInputException when the code is not a US state or territory
	 */
	public static UsState of(String field, String code) {
		return fromCode(code).orElseThrow(() -> new InvalidInputException(field, INVALID_MESSAGE));
	}

}
