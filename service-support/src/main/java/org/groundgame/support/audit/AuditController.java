package org.groundgame.support.audit;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.groundgame.security.Caller;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff's window on a service's audit trail: the entries about one resource, and a check
 * of the whole chain. Mapped under {@code /api/audit/<service>} (the service's name
 * without {@code -service}), which the gateway routes to that service.
 */
@RestController
@RequestMapping("${groundgame.audit.path}")
@Tag(name = "Audit trail",
		description = "The service's tamper-evident record of who changed what and which events it published: "
				+ "the entries about one resource, and a check of the whole chain. National staff only.")
public class AuditController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final AuditTrail trail;

	public AuditController(AuditTrail trail) {
		this.trail = trail;
	}

	@Operation(summary = "The audit entries about one resource (a nomination, a shift, a cohort…), oldest first")
	@GetMapping("/entries")
	PagedModel<AuditEntryResponse> entries(@RequestParam @NotBlank @Size(max = 200) String resourceId,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
		caller.requireStaff();
		return new PagedModel<>(this.trail.entriesOf(resourceId, page, size).map(AuditEntryResponse::of));
	}

	@Operation(summary = "Recomputes the whole chain of hashes and says whether it is intact")
	@GetMapping("/verify")
	AuditVerification verify(Caller caller) {
		caller.requireStaff();
		return this.trail.verify();
	}

	/**
	 * An entry as staff read it: its facts as JSON, and every field its hash covers, so
	 * that anyone can recompute the chain from the entries.
	 */
	record AuditEntryResponse(long sequence, String entryId, Instant at, String action, String resourceId,
			AuditActor actor, @Nullable String requestId, JsonNode facts, String previousHash, String hash) {

		static AuditEntryResponse of(AuditEntry entry) {
			return new AuditEntryResponse(entry.sequence(), entry.entryId(), entry.at(), entry.action(),
					entry.resourceId(), entry.actor(), entry.requestId(), JSON.readTree(entry.facts()),
					entry.previousHash(), entry.hash());
		}

	}

}
