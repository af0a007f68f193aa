package org.groundgame.identity.chapter;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A registered chapter as identity-service knows it: its id, which is all a client's
 * chapter is checked against, and when it was registered.
 */
@Document("chapters")
record ChapterDocument(@Id String id, Instant registeredAt) {

}
