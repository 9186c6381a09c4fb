package io.podcomposer.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, for admins: {@code GET /api/v1/audit}. */
@RestController
@Tag(name = "Audit", description = "Who did what, and how it ended (ADMIN)")
class AuditApiController {

	private final AuditLog audit;

	AuditApiController(AuditLog audit) {
		this.audit = audit;
	}

	@Operation(summary = "Search the audit log", description = "Newest first; size is at most 200.")
	@GetMapping("/api/v1/audit")
	AuditPage audit(@Parameter(description = "Exactly this actor") @RequestParam(defaultValue = "") String actor,
			@Parameter(description = "Exactly this action, as in USER_CREATED") @RequestParam(
					defaultValue = "") String action,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return AuditPage.of(this.audit.search(actor, action, page, size));
	}

}
