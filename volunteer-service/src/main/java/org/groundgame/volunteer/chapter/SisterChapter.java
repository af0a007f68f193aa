package org.groundgame.volunteer.chapter;

/**
 * A sister chapter as a chapter's answer shows it: enough to name and find it.
 */
record SisterChapter(String id, String name, String city, String state) {

}
