package org.groundgame.endorsement.nomination.domain;

/** What a nomination may lack before staff have the whole picture. */
public enum MissingPiece {

	/** The nominating chapter's endorsement form. */
	CHAPTER_FORM,

	/** The candidate's answers to the questionnaire (none for ballot measures). */
	QUESTIONNAIRE

}
