package org.groundgame.endorsement.nomination.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a race is held: the 50 states, the District of Columbia and the five inhabited
 * territories, by their two-letter postal codes.
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

	/** The state with this postal code, in either case. */
	public static Optional<UsState> fromCode(String code) {
		if (code == null || code.strip().length() != 2) {
			return Optional.empty();
		}
		String normalized = code.strip().toUpperCase(Locale.ROOT);
		for (UsState state : values()) {
			if (state.name().equals(normalized)) {
				return Optional.of(state);
			}
		}
		return Optional.empty();
	}

}
