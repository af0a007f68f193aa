package org.groundgame.notification.people;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** That a person was erased, and when; nothing else of them. */
@Document("people_erased")
record TombstoneDocument(@Id String id, Instant erasedAt) {

}
