package io.podcomposer.templates;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin page of the starter catalog: which of its templates the library has, and a
 * restore button.
 */
@Controller
@RequestMapping("/admin/catalog")
class AdminCatalogController {

	private final StarterCatalog catalog;

	AdminCatalogController(StarterCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping
	String catalog(Model model) {
		model.addAttribute("entries", this.catalog.entries());
		return "admin/catalog";
	}

	@PostMapping("/restore")
	String restore(RedirectAttributes flash) {
		StarterCatalog.Restored restored = this.catalog.restore();
		flash.addFlashAttribute("notice", notice(restored.recreated()));
		return "redirect:/admin/catalog";
	}

	private static String notice(List<String> recreated) {
		if (recreated.isEmpty()) {
			return "Nothing to restore: the library has every starter template.";
		}
		return "Re-created " + String.join(", ", recreated) + ".";
	}

}
