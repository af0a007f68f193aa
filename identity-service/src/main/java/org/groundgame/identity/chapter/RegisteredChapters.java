package org.groundgame.identity.chapter;

/** Whether a chapter id names a chapter registered with volunteer-service. */
public interface RegisteredChapters {

	boolean isRegistered(String chapterId);

}
