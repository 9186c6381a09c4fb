package io.podcomposer.validation;

import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;

/**
 * Every container's {@code image} without a tag or tagged {@code :latest}: nodes then
 * pull whatever the tag points at today, so two replicas may run different code. A digest
 * ({@code @sha256:…}) pins the image, with or without a tag.
 */
final class ImageTagRule implements ValidationRule {

	@Override
	public String id() {
		return "image-tag";
	}

	@Override
	public Severity severity() {
		return Severity.WARNING;
	}

	@Override
	public void check(PodView pod, Findings findings) {
		for (ContainerRef container : pod.allContainers()) {
			String image = PodParts.text(container.node().path("image")).trim();
			if (image.isEmpty() || image.contains("@")) {
				continue;
			}
			// a colon before the last slash belongs to the registry's port, as in
			// registry:5000/app
			int colon = image.lastIndexOf(':');
			String tag = (colon > image.lastIndexOf('/')) ? image.substring(colon + 1) : "";
			if (tag.isEmpty()) {
				findings.add(container.path("image"),
						"image \"" + image + "\" has no tag, so it means :latest: pin a version or a digest");
			}
			else if ("latest".equals(tag)) {
				findings.add(container.path("image"),
						"image \"" + image + "\" uses :latest: pin a version or a digest");
			}
		}
	}

}
