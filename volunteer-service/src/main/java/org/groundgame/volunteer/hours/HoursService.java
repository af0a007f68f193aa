package org.groundgame.volunteer.hours;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.groundgame.security.Caller;
import org.groundgame.support.domain.NotFoundException;
import org.groundgame.support.geography.UsState;
import org.groundgame.volunteer.hours.AttendanceStore.Attendance;
import org.groundgame.volunteer.hours.AttendanceStore.Chapter;
import org.groundgame.volunteer.hours.AttendanceStore.Totals;
import org.groundgame.volunteer.volunteer.KnownVolunteers;
import org.groundgame.volunteer.volunteer.KnownVolunteers.Member;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * Volunteers' hours and the leaderboards, summed from the attendance that staff and
 * chapters record on shifts. Hours count for the chapter the volunteer belonged to when
 * they signed up for the shift. Names are shown to staff and to the volunteer's own
 * chapter only.
 */
@Service
class HoursService {

	private final AttendanceStore records;

	private final KnownVolunteers volunteers;

	HoursService(AttendanceStore records, KnownVolunteers volunteers) {
		this.records = records;
		this.volunteers = volunteers;
	}

	/**
	 * A volunteer's hours, for staff and the volunteer's chapter.
	 * @throws NotFoundException when unknown or erased
	 */
	VolunteerHours hoursOf(String volunteerId, Caller caller) {
		caller.requireToken();
		Member volunteer = this.volunteers.find(volunteerId)
			.orElseThrow(() -> new NotFoundException("volunteer", volunteerId));
		caller.requireChapterAccess(volunteer.chapterId());
		List<Attendance> attendance = this.records.attendanceOf(volunteer.id());
		double hours = Leaderboard.round(attendance.stream().mapToDouble(Attendance::hours).sum());
		int attended = (int) attendance.stream().filter(Attendance::attended).count();
		return new VolunteerHours(volunteer.id(), hours, attended, attendance.size() - attended, attendance);
	}

	/**
	 * Volunteers ranked by hours: staff see any chapter's or all; a chapter sees its own
	 * members' hours only.
	 */
	Page<Ranked<VolunteerTally>> volunteerLeaderboard(Optional<String> chapterId, HoursSelection selection,
			Caller caller, int page, int size) {
		caller.requireToken();
		Optional<String> chapter = chapterId;
		if (caller.isChapter()) {
			chapter = Optional.of(chapterId.orElse(caller.chapterId()));
			caller.requireChapterAccess(chapter.get());
		}
		else {
			caller.requireStaff();
		}
		List<Totals> totals = this.records.volunteerTotals(selection, chapter.map(List::of).orElse(null));
		Map<String, Member> members = this.volunteers.findAll(totals.stream().map(Totals::volunteerId).toList());
		List<VolunteerTally> tallies = new ArrayList<>(totals.size());
		for (Totals total : totals) {
			Member member = members.get(total.volunteerId());
			String name = (member != null && caller.mayAccessChapter(member.chapterId())) ? member.name() : null;
			tallies.add(new VolunteerTally(total.volunteerId(), name, total.chapterId(),
					Leaderboard.round(total.hours()), total.shifts()));
		}
		return page(Leaderboard.rank(tallies, VolunteerTally::hours, VolunteerTally.WITHIN_EQUAL_HOURS), page, size);
	}

	/** Chapters ranked by hours, public: the chapters of a state, or every chapter. */
	Page<Ranked<ChapterTally>> chapterLeaderboard(Optional<UsState> state, HoursSelection selection, int page,
			int size) {
		List<String> chapterIds = state.map((s) -> this.records.chaptersIn(s.code())).orElse(null);
		List<Totals> totals = (chapterIds != null && chapterIds.isEmpty()) ? List.of()
				: this.records.chapterTotals(selection, chapterIds);
		Map<String, Chapter> chapters = this.records.chapters(totals.stream().map(Totals::chapterId).toList());
		List<ChapterTally> tallies = totals.stream().map((total) -> {
			Chapter chapter = chapters.get(total.chapterId());
			return new ChapterTally(total.chapterId(), (chapter != null) ? chapter.name() : null,
					(chapter != null) ? chapter.state() : null, Leaderboard.round(total.hours()), total.volunteers(),
					total.shifts());
		}).toList();
		return page(Leaderboard.rank(tallies, ChapterTally::hours, ChapterTally.WITHIN_EQUAL_HOURS), page, size);
	}

	private static <T> Page<T> page(List<T> all, int page, int size) {
		PageRequest pageable = PageRequest.of(page, size);
		int from = (int) Math.min(pageable.getOffset(), all.size());
		int to = Math.min(from + size, all.size());
		return new PageImpl<>(all.subList(from, to), pageable, all.size());
	}

	/** A volunteer's hours: every shift they attended or missed, soonest first. */
	record VolunteerHours(String volunteerId, double hours, int shiftsAttended, int noShows, List<Attendance> shifts) {
	}

}
