package org.groundgame.volunteer.effort;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.groundgame.security.Caller;
import org.groundgame.support.domain.InvalidInputException;
import org.groundgame.volunteer.effort.EffortStore.Chapter;
import org.groundgame.volunteer.effort.EffortStore.ChapterAndType;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The volunteer effort behind endorsed races, for the organizers' race impact pages:
 * national staff see every chapter's part, a chapter its own part only (other chapters'
 * work is left out of the sums, not just of the rows). Anyone else is refused: the
 * school's training staff and role-less tokens ({@code 403}), anonymous callers
 * ({@code 401}).
 */
@Service
class EffortService {

	/** How many endorsements one summary may name. */
	static final int MAX_ENDORSEMENTS = 100;

	static final int MAX_ID_LENGTH = 100;

	private static final Comparator<ChapterEffort> MOST_WORK_FIRST = Comparator
		.comparingDouble((ChapterEffort chapter) -> chapter.effort().hours())
		.reversed()
		.thenComparing(Comparator.comparingInt((ChapterEffort chapter) -> chapter.effort().shifts()).reversed())
		.thenComparing(ChapterEffort::name, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
		.thenComparing(ChapterEffort::chapterId, Comparator.nullsLast(Comparator.naturalOrder()));

	private final EffortStore records;

	EffortService(EffortStore records) {
		this.records = records;
	}

	/**
	 * The effort behind one endorsement, by chapter and by type. An endorsement this
	 * service has no shift of (unknown, or not worked on yet) has none: it does not know
	 * endorsements, only the shifts that name them.
	 * @throws InvalidInputException naming {@code endorsementId} when blank
	 */
	EndorsementEffort ofEndorsement(String endorsementId, Caller caller) {
		String chapter = chapterInScope(caller);
		String id = endorsementId(endorsementId, "endorsementId");
		Map<String, Map<String, Effort>> byChapter = new LinkedHashMap<>();
		this.records.ofEndorsement(id, chapter)
			.forEach((key, effort) -> byChapter.computeIfAbsent(key.chapterId(), (c) -> new TreeMap<>())
				.merge(key.type(), effort, Effort::plus));
		Map<String, Chapter> names = this.records.chapters(byChapter.keySet());
		List<ChapterEffort> chapters = new ArrayList<>();
		Map<String, Effort> byType = new TreeMap<>();
		byChapter.forEach((chapterId, types) -> {
			Chapter named = names.get(chapterId);
			chapters.add(new ChapterEffort(chapterId, (named != null) ? named.name() : null,
					(named != null) ? named.state() : null, sum(types.values()), types));
			types.forEach((type, effort) -> byType.merge(type, effort, Effort::plus));
		});
		chapters.sort(MOST_WORK_FIRST);
		return new EndorsementEffort(id, sum(byType.values()), byType, chapters);
	}

	/**
	 * The effort behind each endorsement: the ones named, or every one with shifts.
	 * @throws InvalidInputException naming {@code endorsementId} for a blank one or too
	 * many
	 */
	Map<String, Effort> byEndorsement(List<String> endorsementIds, Caller caller) {
		String chapter = chapterInScope(caller);
		List<String> ids = null;
		if (endorsementIds != null && !endorsementIds.isEmpty()) {
			if (endorsementIds.size() > MAX_ENDORSEMENTS) {
				throw new InvalidInputException("endorsementId", "at most " + MAX_ENDORSEMENTS + " endorsements");
			}
			ids = endorsementIds.stream().map((id) -> endorsementId(id, "endorsementId")).distinct().toList();
		}
		return new TreeMap<>(this.records.byEndorsement(ids, chapter));
	}

	/**
	 * Whose work the caller may see: {@code null} for staff (everyone's), a chapter's id
	 * for that chapter.
	 */
	private static String chapterInScope(Caller caller) {
		caller.requireToken();
		if (caller.isStaff()) {
			return null;
		}
		if (caller.isChapter()) {
			return caller.chapterId();
		}
		throw new AccessDeniedException("Only national staff and chapters see the effort behind a race");
	}

	private static String endorsementId(String value, String field) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, "must not be blank");
		}
		if (value.strip().length() > MAX_ID_LENGTH) {
			throw new InvalidInputException(field, "at most " + MAX_ID_LENGTH + " characters");
		}
		return value.strip();
	}

	private static Effort sum(Iterable<Effort> efforts) {
		Effort sum = Effort.NONE;
		for (Effort effort : efforts) {
			sum = sum.plus(effort);
		}
		return sum;
	}

	/**
	 * One endorsement's effort.
	 *
	 * @param byType over the chapters in the answer, by type name
	 * @param chapters most work first
	 */
	record EndorsementEffort(String endorsementId, Effort total, Map<String, Effort> byType,
			List<ChapterEffort> chapters) {
	}

	/**
	 * One chapter's part.
	 *
	 * @param chapterId {@code null} for shifts no chapter organizes (national staff's)
	 * @param name {@code null} when not registered here
	 * @param byType by type name
	 */
	record ChapterEffort(String chapterId, String name, String state, Effort effort, Map<String, Effort> byType) {
	}

}
