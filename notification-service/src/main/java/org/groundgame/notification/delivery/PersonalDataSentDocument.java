package org.groundgame.notification.delivery;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * That a chapter's webhook was sent an event carrying a person's personal data: ids only,
 * nothing of the data, one per chapter, personal record and event (its id is derived from
 * the three and it is inserted, never upserted). Kept until the person is erased, so that
 * the receiver can then be told which of the events it was sent to delete.
 *
 * @param subjectId the personal record (a volunteer, an enrollment, a nomination)
 * @param firstSentAt when the first attempt was made
 */
@Document("webhook_personal_data")
record PersonalDataSentDocument(@Id String id, String chapterId, String subjectId, String eventId, String eventType,
		Instant firstSentAt) {

}
