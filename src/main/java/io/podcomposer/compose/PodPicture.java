package io.podcomposer.compose;

import java.util.List;

import io.podcomposer.manifest.Manifest;

/**
 * The Pod picture: a pod spec laid out for drawing as SVG beside the composer's YAML
 * preview, by the fragment {@code fragments/picture :: picture(picture)}.
 * <p>
 * Every position (in the SVG's user units, {@link #width()} wide) and every text is
 * worked out here, so the template only places things. The pod is a frame around a band
 * for its shared network namespace, in which its containers sit (init containers and
 * sidecars first, as they start); volumes that containers mount stand to the right,
 * linked to each container that mounts them, and volumes nobody mounts are listed faintly
 * below them. Mistakes that would break the pod at run time are listed in
 * {@link #warnings()} and drawn at the bottom.
 * <p>
 * The spec is read leniently: a picture is made of any manifest, however odd its pod
 * spec.
 */
public record PodPicture(int width, int height, String summary, Box frame, Chip kind, Text name, List<Chip> podBadges,
		Region network, Text hint, List<ContainerBox> containers, List<VolumeNode> volumes, Text unmountedCaption,
		List<Link> links, Box warningBox, List<Text> warningLines, List<String> warnings) {

	/**
	 * Lays out the pod of a manifest (the pod itself, or the pod template of a workload),
	 * with the warnings to draw under it: see {@link PictureWarnings}.
	 */
	public static PodPicture of(Manifest manifest, List<String> warnings) {
		return PodPictureLayout.layout(manifest, warnings);
	}

	/** How a container runs in the pod's life. */
	public enum Role {

		/** A regular container. */
		CONTAINER,
		/**
		 * An init container: runs to completion, one after another, before the containers
		 * start.
		 */
		INIT,
		/**
		 * An init container with {@code restartPolicy: Always}: starts first, then runs
		 * beside the containers.
		 */
		SIDECAR

	}

	/** A rectangle. */
	public record Box(int x, int y, int width, int height) {

		public int right() {
			return this.x + this.width;
		}

		public int bottom() {
			return this.y + this.height;
		}

	}

	/**
	 * A text placed by the start of its baseline. {@code title}, a tooltip, holds the
	 * full text where {@code text} was shortened to fit, or says what the text means;
	 * else it is null.
	 */
	public record Text(int x, int y, String text, String title, String css) {
	}

	/**
	 * A small rounded label; its text is centred on {@code textX}, with its baseline at
	 * {@code textY}.
	 */
	public record Chip(int x, int y, int width, int height, int textX, int textY, String text, String title,
			String css) {
	}

	/** The band of the pod's network namespace, which every container sits in. */
	public record Region(Box box, Text label, boolean hostNetwork) {
	}

	/**
	 * A container with what it declares: ports, and badges for privileges it asks for.
	 */
	public record ContainerBox(String name, Role role, Box box, String css, Text title, Chip roleTag, Text image,
			List<Port> ports, List<Chip> badges) {
	}

	/**
	 * A declared port, as {@code 8080/TCP http}; {@code hostPort} is null unless it opens
	 * one on the node.
	 */
	public record Port(Text text, Text hostPort) {
	}

	/** A volume of the pod; shared when two or more containers mount it. */
	public record VolumeNode(String name, String type, boolean mounted, boolean shared, Box box, String css, Text title,
			Text typeText, Text detail, Chip sharedTag) {
	}

	/**
	 * A line from a container to a volume it mounts, as an SVG path, labelled with the
	 * mount path and {@code ro} or {@code rw}.
	 */
	public record Link(String container, String volume, String mountPath, boolean readOnly, String path, Text label,
			String css) {
	}

}
