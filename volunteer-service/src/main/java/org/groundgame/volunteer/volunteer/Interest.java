package org.groundgame.volunteer.volunteer;

/** The kinds of work a volunteer says they would like to do. */
enum Interest {

	PHONE_BANKING, CANVASSING, DEEP_CANVASSING, TEXT_BANKING, EVENTS, DATA

}
