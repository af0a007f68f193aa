package org.groundgame.volunteer.volunteer;

/** What a volunteer said about being contacted over one channel. */
enum ConsentStatus {

	OPT_IN, OPT_OUT, UNSPECIFIED

}
