package org.groundgame.test.sample;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("volunteers")
public record Volunteer(@Id String id, String name, String chapter) {
}
