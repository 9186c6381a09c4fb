package io.podcomposer.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log page for admins: newest first, 50 a page, filtered by actor and action.
 */
@Controller
class AdminAuditController {

	static final int PAGE_SIZE = 50;

	private final AuditLog audit;

	AdminAuditController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/admin/audit")
	String audit(@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String action,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("audit", AuditPage.of(this.audit.search(actor, action, page, PAGE_SIZE)));
		model.addAttribute("filters", this.audit.filters());
		model.addAttribute("actor", actor.trim());
		model.addAttribute("action", action.trim());
		return "admin/audit";
	}

}
