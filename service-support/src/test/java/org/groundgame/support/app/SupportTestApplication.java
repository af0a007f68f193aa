package org.groundgame.support.app;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.groundgame.events.volunteer.ChapterRegistered;
import org.groundgame.events.volunteer.VolunteerSignedUp;
import org.groundgame.support.consumer.EventConsumers;
import org.groundgame.support.domain.IllegalStateChangeException;
import org.groundgame.support.domain.NotFoundException;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.messaging.Message;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small service built on the plumbing, as a real one is: an aggregate document with an
 * outbox, a consumer of the volunteer topic whose effect is deliberately not idempotent
 * (a counter), and a controller that fails in every way the problem documents cover.
 */
@SpringBootApplication
public class SupportTestApplication {

	public static final String EFFECTS = "test_effects";

	/** Events whose chapter is named this fail in the handler, every time. */
	public static final String FAILING_NAME = "always fails";

	/** How often the handler was called per event id, including failed calls. */
	public static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

	/** The trace the handler ran in, per event id. */
	public static final Map<String, String> TRACES = new ConcurrentHashMap<>();

	/** What the consumer read of each volunteer sign-up, by volunteer id. */
	public static final Map<String, VolunteerSignedUp> SIGN_UPS_READ = new ConcurrentHashMap<>();

	@Bean
	Consumer<Message<byte[]>> testEvents(EventConsumers consumers, MongoTemplate mongo, Tracer tracer) {
		return consumers.named("support-tests")
			.on(VolunteerSignedUp.class, (event) -> SIGN_UPS_READ.put(event.volunteerId(), event))
			.on(ChapterRegistered.class, (event) -> {
				CALLS.computeIfAbsent(event.eventId(), (id) -> new AtomicInteger()).incrementAndGet();
				Span span = tracer.currentSpan();
				if (span != null) {
					TRACES.put(event.eventId(), span.context().traceId());
				}
				if (FAILING_NAME.equals(event.name())) {
					throw new IllegalStateException("The handler fails for this event");
				}
				mongo.getCollection(EFFECTS)
					.updateOne(Filters.eq("_id", event.chapterId()), Updates.inc("applied", 1),
							new UpdateOptions().upsert(true));
			})
			.build();
	}

	@RestController
	static class TroubleController {

		enum Level {

			FEDERAL, STATE, LOCAL

		}

		record Race(@NotBlank String office, @NotNull Level level, @NotNull LocalDate electionDate) {
		}

		record Thing(@NotBlank String name, @Positive int capacity, @Valid @NotNull Race race) {
		}

		@PostMapping("/things")
		@ResponseStatus(HttpStatus.CREATED)
		Thing create(@Valid @RequestBody Thing thing) {
			return thing;
		}

		@GetMapping("/things/{id}")
		Thing find(@PathVariable String id) {
			throw new NotFoundException("thing", id);
		}

		@PostMapping("/things/{id}/close")
		Thing close(@PathVariable String id) {
			throw new IllegalStateChangeException("A closed thing cannot be closed again", "CLOSED");
		}

		@GetMapping("/things")
		List<Thing> search(@RequestParam String state) {
			return List.of();
		}

		@GetMapping("/things/{id}/broken")
		Thing broken(@PathVariable String id) {
			throw new IllegalStateException("secret internal detail");
		}

		@GetMapping("/things/{id}/unreachable")
		Thing unreachable(@PathVariable String id) {
			// As Spring Data translates the driver's MongoTimeoutException.
			throw new DataAccessResourceFailureException(
					"Timed out after 2000 ms while waiting for a server at secret-host");
		}

		@GetMapping("/chapters/{chapterId}/things")
		List<Thing> chaptersThings(@PathVariable String chapterId, org.groundgame.security.Caller caller) {
			caller.requireChapterAccess(chapterId);
			return List.of();
		}

	}

}
