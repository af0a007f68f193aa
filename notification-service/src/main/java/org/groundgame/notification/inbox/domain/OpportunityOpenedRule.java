package org.groundgame.notification.inbox.domain;

import java.util.Set;

import org.groundgame.events.volunteer.OpportunityOpened;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;

/**
 * A volunteer opportunity opened. In draft (a volunteer team opened for an endorsed race,
 * or an opportunity its organizers are still filling) it concerns only those who must
 * fill it with shifts and publish it: the organizing chapter, or national staff when no
 * chapter organizes it. Open at once, it concerns every chapter that can send volunteers:
 * those of its state, those following that state, and the organizing chapter. A status
 * not known yet concerns no one. The opportunity carries nothing personal.
 */
public final class OpportunityOpenedRule implements NotificationRule<OpportunityOpened> {

	static final String DRAFT = "DRAFT";

	static final String OPEN = "OPEN";

	@Override
	public Class<OpportunityOpened> eventType() {
		return OpportunityOpened.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.VOLUNTEERS;
	}

	@Override
	public Set<String> audience(OpportunityOpened event, ChapterDirectory chapters) {
		if (Opportunities.is(event.status(), DRAFT)) {
			return Races.hasText(event.chapterId()) ? Set.of(event.chapterId()) : Set.of();
		}
		if (Opportunities.is(event.status(), OPEN)) {
			return Opportunities.organizerAndState(event.chapterId(), event.state(), chapters);
		}
		return Set.of();
	}

	@Override
	public Notice template(OpportunityOpened event) {
		String title = Shifts.title(event.title());
		String what = Opportunities.kindIn(event.type(), event.state());
		if (Opportunities.is(event.status(), DRAFT)) {
			return new Notice("Add shifts and publish: " + title,
					"A volunteer team is ready for your chapter to " + "fill: " + title + ", " + what
							+ ". It is a draft, which volunteers cannot see yet: add its "
							+ "shifts, then publish it, and volunteers can sign up.");
		}
		return new Notice("New volunteer opportunity: " + title, title + ", " + what
				+ ", is open: volunteers can sign up for its shifts now. Share it with your members.");
	}

	/** A draft no chapter organizes is national staff's to fill. */
	@Override
	public boolean notifiesStaff(OpportunityOpened event) {
		return Opportunities.is(event.status(), DRAFT) && !Races.hasText(event.chapterId());
	}

	@Override
	public Notice staffTemplate(OpportunityOpened event) {
		String title = Shifts.title(event.title());
		return new Notice("Add shifts and publish: " + title,
				"A volunteer team opened in draft with no chapter to organize it: " + title + ", "
						+ Opportunities.kindIn(event.type(), event.state())
						+ ". Add its shifts, then publish it, and volunteers can sign up.");
	}

}
