package org.groundgame.volunteer.chapter;

import java.util.List;

/**
 * A chapter with its sisters, both ways: those it names and those that name it (so that
 * Columbia shows Mobilize Missouri when Mobilize Missouri names Columbia), by name.
 */
record ChapterView(Chapter chapter, List<SisterChapter> sisterChapters) {

	ChapterView {
		sisterChapters = List.copyOf(sisterChapters);
	}

}
