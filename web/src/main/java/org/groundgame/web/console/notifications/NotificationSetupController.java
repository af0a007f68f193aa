package org.groundgame.web.console.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.groundgame.web.WebProperties;
import org.groundgame.web.api.ApiProblem;
import org.groundgame.web.api.PageOf;
import org.groundgame.web.console.ChapterScope;
import org.groundgame.web.console.ConsoleApis;
import org.groundgame.web.console.Organizer;
import org.groundgame.web.site.FormErrors;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A chapter's notifications set-up ({@code /console/notifications}): what it hears of
 * (topics, other states), where (inbox, e-mail at once or as a daily digest), its webhook
 * (its URL; the signing secret shown once, when the URL is new or the secret rotated; a
 * test event sent now), and the delivery log ({@code /console/notifications/deliveries})
 * with retry and replay. Each is notification-service's API called with the organizer's
 * token; the secret is never kept here, only shown in the answer that made it.
 */
@Controller
class NotificationSetupController {

	static final List<String> TOPICS = List.of("NOMINATIONS", "ENDORSEMENTS", "OUTCOMES", "VOLUNTEERS", "TRAINING");

	static final List<String> STATUSES = List.of("PENDING", "DELIVERED", "FAILED");

	static final List<String> CHANNELS = List.of("EMAIL", "WEBHOOK");

	private static final ParameterizedTypeReference<PageOf<Delivery>> DELIVERIES = new ParameterizedTypeReference<>() {
	};

	private final ConsoleApis apis;

	private final ChapterScope scope;

	private final FormErrors formErrors;

	private final ZoneId zone;

	NotificationSetupController(ConsoleApis apis, ChapterScope scope, FormErrors formErrors, WebProperties properties) {
		this.apis = apis;
		this.scope = scope;
		this.formErrors = formErrors;
		this.zone = properties.timeZone();
	}

	@GetMapping("/console/notifications")
	String setup(Organizer organizer, @RequestParam(name = ChapterScope.PARAMETER, required = false) String chapter,
			Model model) {
		Optional<String> chapterId = this.scope.chapter(organizer, chapter);
		if (chapterId.isEmpty()) {
			return this.scope.choose(model, "/console/notifications", "setup.title");
		}
		Subscription subscription = subscription(chapterId.get());
		return page(model, chapterId.get(), subscription, Form.of(subscription), Map.of());
	}

	@PostMapping("/console/notifications")
	String change(Organizer organizer, @RequestParam(name = ChapterScope.PARAMETER, required = false) String chapter,
			Form form, Locale locale, Model model, RedirectAttributes redirect) {
		String chapterId = required(organizer, chapter);
		Subscription changed;
		try {
			changed = put(chapterId, form.body(null));
		}
		catch (ApiProblem ex) {
			if (ex.status() != HttpServletResponse.SC_BAD_REQUEST) {
				throw ex;
			}
			return page(model, chapterId, subscription(chapterId), form,
					this.formErrors.byField(ex, locale, formFields(ex)));
		}
		if (changed != null && changed.webhook() != null && changed.webhook().secret() != null) {
			// A new URL: its secret is shown on this answer alone (never in a redirect,
			// which would have to keep it somewhere).
			model.addAttribute("secret", changed.webhook().secret());
			model.addAttribute("notice", "setup.saved");
			return page(model, chapterId, changed, Form.of(changed), Map.of());
		}
		redirect.addFlashAttribute("notice", "setup.saved");
		return "redirect:" + path("/console/notifications", chapterId);
	}

	/** A new signing secret, shown once; the old one signs beside it for a day. */
	@PostMapping("/console/notifications/webhook/secret")
	String rotate(Organizer organizer, @RequestParam(name = ChapterScope.PARAMETER, required = false) String chapter,
			Model model) {
		String chapterId = required(organizer, chapter);
		Subscription.Webhook webhook = this.apis.notification()
			.post()
			.uri("/api/notifications/subscriptions/{chapter}/webhook/secret", chapterId)
			.retrieve()
			.body(Subscription.Webhook.class);
		model.addAttribute("secret", (webhook != null) ? webhook.secret() : null);
		model.addAttribute("notice", "setup.rotated");
		Subscription subscription = subscription(chapterId);
		return page(model, chapterId, subscription, Form.of(subscription), Map.of());
	}

	/**
	 * Sends a test event to the webhook now, and shows what came of its first attempt.
	 */
	@PostMapping("/console/notifications/webhook/test")
	String test(Organizer organizer, @RequestParam(name = ChapterScope.PARAMETER, required = false) String chapter,
			Model model) {
		String chapterId = required(organizer, chapter);
		Delivery delivery = this.apis.notification()
			.post()
			.uri("/api/notifications/subscriptions/{chapter}/webhook/test", chapterId)
			.retrieve()
			.body(Delivery.class);
		model.addAttribute("test", delivery);
		Subscription subscription = subscription(chapterId);
		return page(model, chapterId, subscription, Form.of(subscription), Map.of());
	}

	/** Enables a webhook that was disabled (by a 410, or days of failures) again. */
	@PostMapping("/console/notifications/webhook/enable")
	String enable(Organizer organizer, @RequestParam(name = ChapterScope.PARAMETER, required = false) String chapter,
			RedirectAttributes redirect) {
		String chapterId = required(organizer, chapter);
		Subscription subscription = subscription(chapterId);
		put(chapterId, Form.of(subscription).body(Boolean.TRUE));
		redirect.addFlashAttribute("notice", "setup.enabled");
		return "redirect:" + path("/console/notifications", chapterId);
	}

	@GetMapping("/console/notifications/deliveries")
	String deliveries(Organizer organizer,
			@RequestParam(name = ChapterScope.PARAMETER, required = false) String chapter,
			@RequestParam(required = false) String status, @RequestParam(required = false) String channel,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Optional<String> chapterId = this.scope.chapter(organizer, chapter);
		if (chapterId.isEmpty()) {
			return this.scope.choose(model, "/console/notifications/deliveries", "setup.log.title");
		}
		Optional<String> byStatus = Optional.ofNullable(status).filter(STATUSES::contains);
		Optional<String> byChannel = Optional.ofNullable(channel).filter(CHANNELS::contains);
		PageOf<Delivery> deliveries = this.apis.notification()
			.get()
			.uri((uri) -> uri.path("/api/notifications/deliveries")
				.queryParam("chapterId", chapterId.get())
				.queryParamIfPresent("status", byStatus)
				.queryParamIfPresent("channel", byChannel)
				.queryParam("page", Math.max(page, 0))
				.queryParam("size", 20)
				.build())
			.retrieve()
			.body(DELIVERIES);
		model.addAttribute("deliveries", deliveries);
		model.addAttribute("chapterId", chapterId.get());
		model.addAttribute("status", byStatus.orElse(null));
		model.addAttribute("channel", byChannel.orElse(null));
		model.addAttribute("statuses", STATUSES);
		model.addAttribute("channels", CHANNELS);
		return "console/deliveries";
	}

	@PostMapping("/console/notifications/deliveries/{id}/retry")
	String retry(@PathVariable String id, Organizer organizer,
			@RequestParam(name = ChapterScope.PARAMETER, required = false) String chapter,
			RedirectAttributes redirect) {
		String chapterId = required(organizer, chapter);
		try {
			this.apis.notification()
				.post()
				.uri("/api/notifications/deliveries/{id}/retry", id)
				.retrieve()
				.toBodilessEntity();
			redirect.addFlashAttribute("notice", "setup.log.retried");
		}
		catch (ApiProblem ex) {
			if (!ex.isConflict()) {
				throw ex;
			}
			redirect.addFlashAttribute("problem", "setup.log.not-retried");
		}
		return "redirect:" + path("/console/notifications/deliveries", chapterId);
	}

	/** Sends again every delivery to the current webhook since a day. */
	@PostMapping("/console/notifications/webhook/replay")
	String replay(Organizer organizer, @RequestParam(name = ChapterScope.PARAMETER, required = false) String chapter,
			@RequestParam(required = false) LocalDate since, RedirectAttributes redirect) {
		String chapterId = required(organizer, chapter);
		if (since == null) {
			redirect.addFlashAttribute("problem", "setup.replay.since-required");
			return "redirect:" + path("/console/notifications/deliveries", chapterId);
		}
		Instant from = since.atStartOfDay(this.zone).toInstant();
		Replayed replayed = this.apis.notification()
			.post()
			.uri("/api/notifications/subscriptions/{chapter}/webhook/replay", chapterId)
			.body(Map.of("since", from.toString()))
			.retrieve()
			.body(Replayed.class);
		redirect.addFlashAttribute("notice", "setup.replay.done");
		redirect.addFlashAttribute("noticeCount", (replayed != null) ? replayed.replayed() : 0);
		return "redirect:" + path("/console/notifications/deliveries", chapterId);
	}

	private String page(Model model, String chapterId, Subscription subscription, Form form,
			Map<String, String> errors) {
		model.addAttribute("chapterId", chapterId);
		model.addAttribute("chapterName", this.scope.chapterNamed(chapterId).name());
		model.addAttribute("subscription", subscription);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("topics", TOPICS);
		return "console/notifications";
	}

	private Subscription subscription(String chapterId) {
		return this.apis.notification()
			.get()
			.uri("/api/notifications/subscriptions/{chapter}", chapterId)
			.retrieve()
			.body(Subscription.class);
	}

	private Subscription put(String chapterId, Map<String, Object> body) {
		return this.apis.notification()
			.put()
			.uri("/api/notifications/subscriptions/{chapter}", chapterId)
			.body(body)
			.retrieve()
			.body(Subscription.class);
	}

	private String required(Organizer organizer, String chapter) {
		return this.scope.chapter(organizer, chapter)
			.orElseThrow(() -> new ApiProblem(HttpServletResponse.SC_NOT_FOUND, null, null, List.of()));
	}

	/** The API's field names ({@code states[1]}, {@code webhook.url}) as the form's. */
	private static Map<String, String> formFields(ApiProblem problem) {
		Map<String, String> names = new LinkedHashMap<>();
		for (String field : problem.fieldMessages().keySet()) {
			String name = field.replaceAll("\\[\\d+]$", "");
			names.put(field, "webhook.url".equals(name) ? "webhookUrl" : name);
		}
		return names;
	}

	private static String path(String path, String chapterId) {
		return UriComponentsBuilder.fromPath(path).queryParam(ChapterScope.PARAMETER, chapterId).build().toUriString();
	}

	/**
	 * The set-up form: checkboxes for the topics (and which come as a digest) and the
	 * inbox, the other states as typed ("KS, IL"), the e-mail address and the webhook's
	 * URL (blank: no webhook).
	 */
	record Form(List<String> topics, String states, String email, List<String> digestTopics, Boolean inbox,
			String webhookUrl) {

		Form {
			topics = (topics != null) ? topics : List.of();
			digestTopics = (digestTopics != null) ? digestTopics : List.of();
			inbox = Boolean.TRUE.equals(inbox);
		}

		static Form of(Subscription subscription) {
			return new Form(subscription.topics(), String.join(", ", subscription.states()), subscription.email(),
					subscription.digestTopics(), subscription.inbox(),
					(subscription.webhook() != null) ? subscription.webhook().url() : null);
		}

		/** The body of the API's {@code PUT}, the webhook enabled again if asked. */
		Map<String, Object> body(Boolean enableWebhook) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("topics", this.topics);
			body.put("states",
					(this.states != null) ? Arrays.stream(this.states.split("[,\\s]+"))
						.filter((state) -> !state.isBlank())
						.map((state) -> state.strip().toUpperCase(Locale.ROOT))
						.toList() : List.of());
			body.put("email", (this.email != null && !this.email.isBlank()) ? this.email.strip() : null);
			body.put("digestTopics", this.digestTopics);
			body.put("inbox", this.inbox);
			if (this.webhookUrl != null && !this.webhookUrl.isBlank()) {
				Map<String, Object> webhook = new LinkedHashMap<>();
				webhook.put("url", this.webhookUrl.strip());
				if (enableWebhook != null) {
					webhook.put("enabled", enableWebhook);
				}
				body.put("webhook", webhook);
			}
			return body;
		}

	}

	record Replayed(int replayed) {
	}

}
