package io.podcomposer.validation;

import java.util.LinkedHashMap;
import java.util.Map;

import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;
import tools.jackson.databind.JsonNode;

/**
 * {@code resources}: every container's {@code resources.limits} and
 * {@code resources.requests} hold quantities ({@code 500m}, {@code 1.5}, {@code 128Mi},
 * {@code 1e3}, {@code 2G}; see {@link Quantity}) that are not negative, and no request is
 * above the limit of the same resource, compared by value ({@code 1500m} is above
 * {@code 1}). A quantity is echoed as written; the API server writes it in its canonical
 * form.
 */
final class ResourcesRule extends ApiServerRule {

	ResourcesRule() {
		super("resources");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		for (ContainerRef container : pod.allContainers()) {
			JsonNode resources = container.node().path("resources");
			Map<String, Quantity> limits = quantities(resources.path("limits"), container.path("resources.limits"),
					findings);
			Map<String, Quantity> requests = quantities(resources.path("requests"),
					container.path("resources.requests"), findings);
			requests.forEach((name, request) -> {
				Quantity limit = limits.get(name);
				if (limit != null && request.value().compareTo(limit.value()) > 0) {
					findings.add(container.path("resources.requests"), Messages.invalid(request.text(),
							"must be less than or equal to " + name + " limit of " + limit.text()));
				}
			});
		}
	}

	/** The readable, non-negative quantities of a resource list; reports the others. */
	private static Map<String, Quantity> quantities(JsonNode list, String path, Findings findings) {
		Map<String, Quantity> quantities = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : list.properties()) {
			JsonNode node = entry.getValue();
			if (!node.isString() && !node.isNumber()) {
				continue;
			}
			String text = node.asString();
			Quantity quantity = Quantity.parse(text);
			String at = path + "[" + entry.getKey() + "]";
			if (quantity.error() != null) {
				findings.add(at, Messages.invalid(text, quantity.error()));
			}
			else if (quantity.value().signum() < 0) {
				findings.add(at, Messages.invalid(text, Messages.NOT_NEGATIVE));
			}
			else {
				quantities.put(entry.getKey(), quantity);
			}
		}
		return quantities;
	}

}
