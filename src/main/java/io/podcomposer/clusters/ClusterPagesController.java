package io.podcomposer.clusters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.podcomposer.system.ApiExceptionHandler;

/**
 * The clusters page, for admins: the list, and a form to add one from a pasted or
 * uploaded kubeconfig. A refusal shows the form again with the reason and the name and
 * context as sent, but not the kubeconfig: its credentials are not sent back, so it must
 * be pasted again.
 */
@Controller
class ClusterPagesController {

	private final ClusterService clusters;

	ClusterPagesController(ClusterService clusters) {
		this.clusters = clusters;
	}

	@GetMapping("/clusters")
	String clusters(Model model) {
		model.addAttribute("clusters", this.clusters.list());
		return "clusters/list";
	}

	@PostMapping("/clusters")
	String add(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String kubeconfig,
			@RequestParam(defaultValue = "") String context, @RequestParam(required = false) MultipartFile file,
			Model model, RedirectAttributes flash, HttpServletResponse response) throws IOException {
		String text = (file != null && !file.isEmpty()) ? new String(file.getBytes(), StandardCharsets.UTF_8)
				: kubeconfig;
		try {
			ClusterView added = this.clusters.add(name, text, context);
			flash.addFlashAttribute("notice", "Cluster " + added.name() + " added (context " + added.context() + ").");
			return "redirect:/clusters";
		}
		catch (ClusterProblem ex) {
			response.setStatus(ApiExceptionHandler.statusCode(ex));
			model.addAttribute("problem", ex.getMessage());
			model.addAttribute("name", name);
			model.addAttribute("kubeconfigDropped", !text.isBlank());
			model.addAttribute("context", context);
			return clusters(model);
		}
	}

	/**
	 * A cluster's state for its row of the list, which asks for it as the page loads: a
	 * slow cluster holds up only its row.
	 */
	@PostMapping("/clusters/{id}/check")
	String check(@PathVariable long id, Model model) {
		model.addAttribute("id", id);
		model.addAttribute("check", this.clusters.check(id));
		return "clusters/list :: state";
	}

	@PostMapping("/clusters/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes flash) {
		try {
			ClusterView cluster = this.clusters.get(id);
			this.clusters.delete(id);
			flash.addFlashAttribute("notice", "Cluster " + cluster.name() + " removed.");
		}
		catch (ClusterProblem ex) {
			flash.addFlashAttribute("notice", ex.getMessage());
		}
		return "redirect:/clusters";
	}

}
