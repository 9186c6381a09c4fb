package io.podcomposer.compose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.podcomposer.compose.PodAnatomy.Mount;
import io.podcomposer.compose.PodAnatomy.Part;
import io.podcomposer.compose.PodAnatomy.Volume;
import io.podcomposer.compose.PodPicture.Box;
import io.podcomposer.compose.PodPicture.Chip;
import io.podcomposer.compose.PodPicture.ContainerBox;
import io.podcomposer.compose.PodPicture.Link;
import io.podcomposer.compose.PodPicture.Port;
import io.podcomposer.compose.PodPicture.Region;
import io.podcomposer.compose.PodPicture.Role;
import io.podcomposer.compose.PodPicture.Text;
import io.podcomposer.compose.PodPicture.VolumeNode;
import io.podcomposer.manifest.Manifest;

/**
 * Places the parts of a {@link PodAnatomy} on a fixed-width canvas that grows downwards.
 * <p>
 * Texts are fitted by an estimate of their width (font size times a per-font average
 * advance, kept on the wide side) that must agree with the sizes in
 * {@code frontend/css/picture.css}. Link labels all stay left of where any link starts to
 * bend, so no line crosses a label.
 */
final class PodPictureLayout {

	private static final int WIDTH = 600;

	private static final int FRAME_X = 8;

	private static final int INNER_X = 18;

	private static final int INNER_RIGHT = WIDTH - INNER_X;

	private static final int BOX_X = 30;

	private static final int BOX_PAD = 12;

	private static final int BOX_GAP = 12;

	private static final int BOX_WIDTH_BESIDE_VOLUMES = 220;

	private static final int VOLUME_X = 428;

	private static final int VOLUME_WIDTH = INNER_RIGHT + 2 - VOLUME_X;

	private static final int VOLUME_GAP = 18;

	/** Links leave a container this far apart, so their labels stack without touching. */
	private static final int LINK_STEP = 18;

	private static final int LINK_FIRST = 24;

	/**
	 * Room for a label like "/usr/…/nginx/html rw" before the line bends to its volume.
	 */
	private static final int LABEL_RUN_MAX = 150;

	private static final int CHIP_HEIGHT = 18;

	private static final int LINE_HEIGHT = 16;

	// Average advance per character as a share of the font size; see picture.css for the
	// sizes.
	private static final Font HEADING = new Font(14, 0.64);

	private static final Font KIND = new Font(11, 0.66);

	private static final Font NAME = new Font(13, 0.64);

	private static final Font MONO = new Font(11, 0.61);

	private static final Font SMALL_MONO = new Font(10.5, 0.61);

	private static final Font CHIP = new Font(10.5, 0.66);

	private static final Font BODY = new Font(12, 0.58);

	private static final Font VOLUME_NAME = new Font(12, 0.64);

	private static final Font SMALL = new Font(11, 0.58);

	private final PodAnatomy anatomy;

	private final String kindName;

	private final String podName;

	/** The volumes that some container mounts, by name, in the order they are drawn. */
	private final Map<String, Volume> mounted = new LinkedHashMap<>();

	/** Where each link leaves its container, filled in as containers are placed. */
	private final List<PendingLink> pending = new ArrayList<>();

	private final List<String> warnings;

	private PodPictureLayout(PodAnatomy anatomy, List<String> warnings, String kindName, String podName) {
		this.anatomy = anatomy;
		this.warnings = warnings;
		this.kindName = kindName;
		this.podName = podName;
	}

	static PodPicture layout(Manifest manifest, List<String> warnings) {
		PodAnatomy anatomy = PodAnatomy.read(manifest.podSpec());
		return new PodPictureLayout(anatomy, List.copyOf(warnings), manifest.kind().kindName(), manifest.name())
			.layout();
	}

	private PodPicture layout() {
		Chip kind = chip(INNER_X + 2, 18, 22, this.kindName, null, "pp-kind", KIND);
		int nameX = kind.x() + kind.width() + 10;
		Text name = fitEnd(nameX, 34, this.podName.isEmpty() ? "(unnamed)" : this.podName, INNER_RIGHT - nameX, HEADING,
				"pp-heading");
		List<Chip> podBadges = new ArrayList<>();
		int badgesBottom = flow(podBadgeSpecs(), INNER_X + 2, 48, INNER_RIGHT, podBadges);
		int top = podBadges.isEmpty() ? 50 : badgesBottom + 10;

		orderMountedVolumes();
		boolean beside = !this.anatomy.volumes().isEmpty();
		int boxWidth = beside ? BOX_WIDTH_BESIDE_VOLUMES : INNER_RIGHT - BOX_GAP - BOX_X;
		List<ContainerBox> containers = new ArrayList<>();
		int y = top + 28;
		for (Part part : this.anatomy.parts()) {
			ContainerBox box = container(part, y, boxWidth);
			containers.add(box);
			y = box.box().bottom() + BOX_GAP;
		}
		Text hint = null;
		if (containers.isEmpty()) {
			hint = new Text(INNER_X + 14, top + 50, "No containers yet: add one and it appears here.", null, "pp-hint");
			y = top + 68;
		}
		Box regionBox = new Box(INNER_X, top, boxWidth + 2 * BOX_GAP, y - top);
		boolean hostNetwork = this.anatomy.hostNetwork();
		Text regionLabel = new Text(INNER_X + 12, top + 17,
				hostNetwork ? "node network · hostNetwork" : "localhost · shared network",
				hostNetwork ? "the containers use the node's network namespace: their ports open on the node"
						: "the containers share one network namespace: they reach each other on localhost,"
								+ " and no two can bind the same port",
				"pp-net-label");
		Region network = new Region(regionBox, regionLabel, hostNetwork);

		List<VolumeNode> volumes = new ArrayList<>();
		List<Link> links = new ArrayList<>();
		int volumesBottom = placeMountedVolumes(top, volumes, links);
		List<Volume> unmounted = this.anatomy.volumes()
			.stream()
			.filter((volume) -> this.mounted.get(volume.name()) != volume)
			.toList();
		Text unmountedCaption = null;
		if (!unmounted.isEmpty()) {
			int captionY = (volumes.isEmpty() ? top : volumesBottom + VOLUME_GAP) + 10;
			unmountedCaption = new Text(VOLUME_X, captionY, "not mounted", null, "pp-caption");
			volumesBottom = captionY;
			for (Volume volume : unmounted) {
				VolumeNode node = volumeNode(volume, volumesBottom + 8, 38, 0);
				volumes.add(node);
				volumesBottom = node.box().bottom();
			}
		}

		int bottom = Math.max(regionBox.bottom(), volumesBottom) + 12;
		List<Text> warningLines = new ArrayList<>();
		Box warningBox = warnings(bottom, warningLines);
		if (warningBox != null) {
			bottom = warningBox.bottom() + 12;
		}
		Box frame = new Box(FRAME_X, FRAME_X, WIDTH - 2 * FRAME_X, bottom - FRAME_X);
		return new PodPicture(WIDTH, frame.bottom() + FRAME_X, summary(), frame, kind, name, podBadges, network, hint,
				containers, volumes, unmountedCaption, links, warningBox, warningLines, List.copyOf(this.warnings));
	}

	/**
	 * Wraps the warnings into lines from {@code top} down.
	 * @return the box around them, or null when there are none
	 */
	private Box warnings(int top, List<Text> lines) {
		if (this.warnings.isEmpty()) {
			return null;
		}
		int lineY = top + 20;
		for (String warning : this.warnings) {
			lines.add(new Text(INNER_X + 12, lineY, "⚠", null, "pp-warning-icon"));
			for (String line : wrap(warning, (int) ((INNER_RIGHT - INNER_X - 44) / BODY.advance()))) {
				lines.add(new Text(INNER_X + 32, lineY, line, null, "pp-warning"));
				lineY += LINE_HEIGHT;
			}
			lineY += 4;
		}
		return new Box(INNER_X, top, INNER_RIGHT - INNER_X, lineY - top - 6);
	}

	private List<ChipSpec> podBadgeSpecs() {
		List<ChipSpec> specs = new ArrayList<>();
		if (this.anatomy.shareProcessNamespace()) {
			specs.add(new ChipSpec("shared PID namespace",
					"shareProcessNamespace: containers see and signal each other's processes", "pp-badge-pid"));
		}
		if (this.anatomy.hostNetwork()) {
			specs.add(new ChipSpec("hostNetwork", "the pod uses the node's network namespace", "pp-badge-host"));
		}
		if (this.anatomy.hostPid()) {
			specs.add(new ChipSpec("hostPID", "the pod sees the node's processes", "pp-badge-host"));
		}
		if (this.anatomy.hostIpc()) {
			specs.add(new ChipSpec("hostIPC", "the pod shares the node's IPC namespace", "pp-badge-host"));
		}
		return specs;
	}

	/**
	 * Orders the mounted volumes by the average position of the containers that mount
	 * them, so that links run mostly level and cross little.
	 */
	private void orderMountedVolumes() {
		Map<String, Volume> byName = new LinkedHashMap<>();
		this.anatomy.volumes().forEach((volume) -> byName.putIfAbsent(volume.name(), volume));
		Map<String, double[]> positions = new LinkedHashMap<>();
		List<Part> parts = this.anatomy.parts();
		for (int index = 0; index < parts.size(); index++) {
			for (Mount mount : parts.get(index).mounts()) {
				if (byName.containsKey(mount.volume())) {
					double[] sumAndCount = positions.computeIfAbsent(mount.volume(), (key) -> new double[2]);
					sumAndCount[0] += index;
					sumAndCount[1]++;
				}
			}
		}
		byName.keySet()
			.stream()
			.filter(positions::containsKey)
			.sorted(Comparator.comparingDouble((String volume) -> positions.get(volume)[0] / positions.get(volume)[1]))
			.forEach((volume) -> this.mounted.put(volume, byName.get(volume)));
	}

	private ContainerBox container(Part part, int y, int width) {
		int x = BOX_X;
		int textX = x + BOX_PAD;
		int right = x + width - BOX_PAD;
		Chip roleTag = switch (part.role()) {
			case INIT -> roleTag("init", "init container: runs to completion before the containers start", right, y);
			case SIDECAR -> roleTag("sidecar",
					"init container with restartPolicy Always: starts first, then runs beside the containers", right,
					y);
			case CONTAINER -> null;
		};
		int titleRight = (roleTag != null) ? roleTag.x() - 8 : right;
		Text title = fitEnd(textX, y + 21, part.label(), titleRight - textX, NAME, "pp-name");
		// An image's tail (name and tag) says the most, so a long one loses its registry
		// first.
		Text image = fitStart(textX, y + 38, part.image().isEmpty() ? "(no image)" : part.image(), right - textX, MONO,
				"pp-image");
		List<Port> ports = new ArrayList<>();
		int lineY = y + 56;
		for (PodAnatomy.Port port : part.ports()) {
			String text = port.key() + (port.name().isEmpty() ? "" : " " + port.name());
			String host = (port.hostPort() > 0) ? "hostPort " + port.hostPort() : null;
			int hostWidth = (host != null) ? MONO.width(host) + 10 : 0;
			Text portText = fitEnd(textX, lineY, text, right - textX - hostWidth, MONO, "pp-port");
			Text hostText = (host != null)
					? new Text(textX + MONO.width(portText.text()) + 10, lineY, host, null, "pp-port-host") : null;
			ports.add(new Port(portText, hostText));
			lineY += LINE_HEIGHT + 1;
		}
		int contentBottom = ports.isEmpty() ? y + 44 : lineY - LINE_HEIGHT + 4;
		List<ChipSpec> badgeSpecs = new ArrayList<>();
		if (part.privileged()) {
			badgeSpecs.add(new ChipSpec("privileged", "privileged: nearly all the power of the node's root",
					"pp-badge-danger"));
		}
		for (String capability : part.capabilities()) {
			badgeSpecs.add(new ChipSpec(capability, "adds the Linux capability " + capability, "pp-badge-cap"));
		}
		List<Chip> badges = new ArrayList<>();
		if (!badgeSpecs.isEmpty()) {
			contentBottom = flow(badgeSpecs, textX, contentBottom + 6, right, badges);
		}

		// In the order the volumes stand, so that a container's links do not cross each
		// other.
		List<String> order = List.copyOf(this.mounted.keySet());
		List<Mount> mounts = part.mounts()
			.stream()
			.filter((mount) -> this.mounted.containsKey(mount.volume()))
			.sorted(Comparator.comparingInt((Mount mount) -> order.indexOf(mount.volume())))
			.toList();
		int linksHeight = mounts.isEmpty() ? 0 : LINK_FIRST + (mounts.size() - 1) * LINK_STEP + 14;
		int height = Math.max(Math.max(contentBottom + 10 - y, linksHeight), 50);
		Box box = new Box(x, y, width, height);
		for (int index = 0; index < mounts.size(); index++) {
			this.pending.add(new PendingLink(part, mounts.get(index), box.right(), y + LINK_FIRST + index * LINK_STEP));
		}
		String css = "pp-container pp-container--" + part.role().name().toLowerCase(Locale.ROOT);
		return new ContainerBox(part.label(), part.role(), box, css, title, roleTag, image, ports, badges);
	}

	private static Chip roleTag(String text, String title, int right, int y) {
		int width = CHIP.width(text) + 14;
		return chip(right - width, y + 8, CHIP_HEIGHT, text, title, "pp-role", CHIP);
	}

	/**
	 * Places the mounted volumes from {@code top} down, each near the level of the links
	 * that reach it, and the links to them.
	 * @return the bottom of the last volume, or {@code top} when there is none
	 */
	private int placeMountedVolumes(int top, List<VolumeNode> volumes, List<Link> links) {
		int labelRun = 0;
		for (PendingLink link : this.pending) {
			labelRun = Math.max(labelRun, SMALL_MONO.width(link.label()) + 14);
		}
		labelRun = Math.min(labelRun, LABEL_RUN_MAX);
		int cursor = top;
		int bottom = top;
		for (Volume volume : this.mounted.values()) {
			List<PendingLink> arriving = this.pending.stream()
				.filter((link) -> link.mount().volume().equals(volume.name()))
				.sorted(Comparator.comparingInt(PendingLink::y))
				.toList();
			int height = Math.max(volume.detail().isEmpty() ? 40 : 54, 16 + (arriving.size() - 1) * 12);
			int level = (int) arriving.stream().mapToInt(PendingLink::y).average().orElse(cursor);
			VolumeNode node = volumeNode(volume, Math.max(level - height / 2, cursor), height, arriving.size());
			volumes.add(node);
			for (int index = 0; index < arriving.size(); index++) {
				PendingLink link = arriving.get(index);
				int endY = node.box().y() + node.box().height() * (index + 1) / (arriving.size() + 1);
				links.add(link(link, labelRun, endY, node.shared()));
			}
			cursor = node.box().bottom() + VOLUME_GAP;
			bottom = node.box().bottom();
		}
		// Links are listed top to bottom by where they leave their container, as a reader
		// follows them.
		links.sort(Comparator.comparingInt((Link link) -> link.label().y()));
		return bottom;
	}

	private static Link link(PendingLink link, int labelRun, int endY, boolean shared) {
		int startX = link.x();
		int bendX = startX + labelRun;
		int middleX = (bendX + VOLUME_X) / 2;
		String path = "M" + startX + " " + link.y() + " H" + bendX + " C" + middleX + " " + link.y() + " " + middleX
				+ " " + endY + " " + VOLUME_X + " " + endY;
		Text label = linkLabel(startX + 7, link.y() - 4, link, labelRun - 10);
		return new Link(link.part().label(), link.mount().volume(), link.mount().mountPath(), link.mount().readOnly(),
				path, label, shared ? "pp-link pp-link--shared" : "pp-link");
	}

	/**
	 * The mount path, shortened in the middle where it must be, and ro or rw, which
	 * always show.
	 */
	private static Text linkLabel(int x, int y, PendingLink link, int width) {
		String full = link.label();
		int max = Math.max(SMALL_MONO.chars(width), 2);
		String fitted = (full.length() <= max) ? full
				: shortenPath(link.path(), max - link.access().length()) + link.access();
		return new Text(x, y, fitted, fitted.equals(full) ? null : full, "pp-link-label");
	}

	/**
	 * A path in at most {@code max} characters: its first segment and as many of its last
	 * as fit, as in /usr/…/nginx/html, since both ends say what is mounted where; else
	 * its last segments, or, where not even the last one fits, its last characters.
	 */
	static String shortenPath(String path, int max) {
		if (path.length() <= max) {
			return path;
		}
		int firstEnd = path.indexOf('/', 1);
		if (firstEnd > 0) {
			String head = path.substring(0, firstEnd) + "/…";
			String tail = lastSegments(path, firstEnd, max - head.length());
			if (!tail.isEmpty()) {
				return head + tail;
			}
		}
		String tail = lastSegments(path, 0, max - 1);
		return "…" + (tail.isEmpty() ? path.substring(path.length() - Math.max(max - 1, 1)) : tail);
	}

	/**
	 * The last segments of a path after index {@code from}, each with its slash, in at
	 * most {@code max} characters.
	 */
	private static String lastSegments(String path, int from, int max) {
		String tail = "";
		// a trailing slash belongs to the last segment
		int slash = path.lastIndexOf('/', path.length() - 2);
		while (slash > from && path.length() - slash <= max) {
			tail = path.substring(slash);
			slash = path.lastIndexOf('/', slash - 1);
		}
		return tail;
	}

	private static VolumeNode volumeNode(Volume volume, int y, int height, int mounts) {
		boolean mounted = mounts > 0;
		boolean shared = mounts > 1;
		int textX = VOLUME_X + 10;
		int textWidth = VOLUME_WIDTH - 20;
		Box box = new Box(VOLUME_X, y, VOLUME_WIDTH, height);
		Text title = fitEnd(textX, y + 17, volume.name(), textWidth, VOLUME_NAME, "pp-volume-name");
		Text type = fitEnd(textX, y + 32, volume.type(), textWidth, SMALL, "pp-volume-type");
		Text detail = (mounted && !volume.detail().isEmpty())
				? fitStart(textX, y + 46, volume.detail(), textWidth, SMALL_MONO, "pp-volume-detail") : null;
		Chip sharedTag = null;
		if (shared) {
			String text = "shared ×" + mounts;
			int width = CHIP.width(text) + 14;
			sharedTag = chip(box.right() - width - 8, y - 9, CHIP_HEIGHT, text,
					"mounted by " + mounts + " containers: they see the same files", "pp-shared", CHIP);
		}
		String css = "pp-volume" + (shared ? " pp-volume--shared" : "") + (mounted ? "" : " pp-volume--unmounted");
		return new VolumeNode(volume.name(), volume.type(), mounted, shared, box, css, title, type, detail, sharedTag);
	}

	/**
	 * Places chips left to right from {@code (x, y)}, starting a new row where one would
	 * pass {@code right}.
	 * @return the bottom of the last row, or {@code y} when there are no chips
	 */
	private static int flow(List<ChipSpec> specs, int x, int y, int right, List<Chip> into) {
		int chipX = x;
		int chipY = y;
		for (ChipSpec spec : specs) {
			String text = fitEndText(spec.text(), right - x - 14, CHIP);
			int width = CHIP.width(text) + 14;
			if (chipX > x && chipX + width > right) {
				chipX = x;
				chipY += CHIP_HEIGHT + 5;
			}
			String title = text.equals(spec.text()) ? spec.title() : spec.text() + ": " + spec.title();
			into.add(chip(chipX, chipY, CHIP_HEIGHT, text, title, spec.css(), CHIP));
			chipX += width + 6;
		}
		return specs.isEmpty() ? y : chipY + CHIP_HEIGHT;
	}

	private static Chip chip(int x, int y, int height, String text, String title, String css, Font font) {
		int width = font.width(text) + 14;
		return new Chip(x, y, width, height, x + width / 2, y + height / 2 + (int) Math.round(font.size() * 0.36), text,
				title, css);
	}

	private String summary() {
		List<String> names = this.anatomy.parts().stream().map(Part::label).toList();
		int containers = names.size();
		int volumes = this.anatomy.volumes().size();
		int warnings = this.warnings.size();
		return this.kindName + " " + (this.podName.isEmpty() ? "(unnamed)" : this.podName) + ": " + containers
				+ ((containers == 1) ? " container" : " containers")
				+ (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")") + ", " + volumes
				+ ((volumes == 1) ? " volume" : " volumes")
				+ ((warnings == 0) ? "" : ", " + warnings + ((warnings == 1) ? " warning" : " warnings"));
	}

	private static Text fitEnd(int x, int y, String text, int width, Font font, String css) {
		String fitted = fitEndText(text, width, font);
		return new Text(x, y, fitted, fitted.equals(text) ? null : text, css);
	}

	private static String fitEndText(String text, int width, Font font) {
		int max = Math.max(font.chars(width), 2);
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

	private static Text fitStart(int x, int y, String text, int width, Font font, String css) {
		int max = Math.max(font.chars(width), 2);
		String fitted = (text.length() <= max) ? text : "…" + text.substring(text.length() - max + 1);
		return new Text(x, y, fitted, fitted.equals(text) ? null : text, css);
	}

	/**
	 * Breaks a text into lines of at most {@code max} characters, at spaces where it can.
	 */
	private static List<String> wrap(String text, int max) {
		List<String> lines = new ArrayList<>();
		String rest = text;
		while (rest.length() > max) {
			int space = rest.lastIndexOf(' ', max);
			int cut = (space > 0) ? space : max;
			lines.add(rest.substring(0, cut));
			rest = rest.substring(cut).stripLeading();
		}
		lines.add(rest);
		return lines;
	}

	/**
	 * A font size with the average advance of its characters, as a share of that size.
	 */
	private record Font(double size, double ratio) {

		double advance() {
			return this.size * this.ratio;
		}

		int width(String text) {
			return (int) Math.ceil(text.length() * advance());
		}

		int chars(int width) {
			return (int) (width / advance());
		}

	}

	private record ChipSpec(String text, String title, String css) {
	}

	/** A link whose start is known, waiting for its volume to be placed. */
	private record PendingLink(Part part, Mount mount, int x, int y) {

		/**
		 * The mount path with ro or rw; a mount without a path still shows how it is
		 * mounted.
		 */
		String label() {
			return path() + access();
		}

		String path() {
			return this.mount.mountPath().isEmpty() ? "(no path)" : this.mount.mountPath();
		}

		String access() {
			return this.mount.readOnly() ? " ro" : " rw";
		}

	}

}
