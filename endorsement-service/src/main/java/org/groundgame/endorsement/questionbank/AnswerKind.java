package org.groundgame.endorsement.questionbank;

/** How a candidate answers a question. */
public enum AnswerKind {

	/** Strongly disagree … strongly agree, with an optional comment. */
	AGREE_SCALE,

	/** A written answer. */
	FREE_TEXT

}
