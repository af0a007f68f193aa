package org.groundgame.support.app;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.groundgame.events.volunteer.VolunteerErased;
import org.groundgame.events.volunteer.VolunteerSignedUp;
import org.groundgame.security.Caller;
import org.groundgame.support.outbox.Outbox;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A change made by staff through a request, as a service makes one: an aggregate saved
 * with an event carrying personal data, for the audit trail's tests.
 */
@RestController
class AuditedVolunteerController {

	private final Outbox outbox;

	private final TestAggregateRepository aggregates;

	AuditedVolunteerController(Outbox outbox, TestAggregateRepository aggregates) {
		this.outbox = outbox;
		this.aggregates = aggregates;
	}

	@PostMapping("/audited-volunteers")
	ResponseEntity<String> signUp(@RequestParam String name, @RequestParam String email, Caller caller) {
		caller.requireStaff();
		String id = UUID.randomUUID().toString();
		TestAggregateDocument document = new TestAggregateDocument(id, name);
		this.outbox.append(document, new VolunteerSignedUp(UUID.randomUUID().toString(), Instant.now(), id, "chapter-1",
				name, email, "MO", new VolunteerSignedUp.Consent(true, false), true));
		this.aggregates.save(document);
		return ResponseEntity.created(URI.create("/audited-volunteers/" + id)).body(id);
	}

	/** Erases the volunteer: their key is destroyed when the relay publishes this. */
	@DeleteMapping("/audited-volunteers/{volunteerId}")
	ResponseEntity<Void> erase(@PathVariable String volunteerId, Caller caller) {
		caller.requireStaff();
		TestAggregateDocument document = this.aggregates.findById(volunteerId).orElseThrow();
		this.outbox.append(document, new VolunteerErased(UUID.randomUUID().toString(), Instant.now(), volunteerId));
		this.aggregates.save(document);
		return ResponseEntity.noContent().build();
	}

	/** A change that publishes no event. */
	@PutMapping("/audited-volunteers/{volunteerId}/hours/{week}")
	int changeHours(@PathVariable String volunteerId, @PathVariable int week, @RequestParam int hours, Caller caller) {
		caller.requireChapterAccess("chapter-1");
		return hours;
	}

}
