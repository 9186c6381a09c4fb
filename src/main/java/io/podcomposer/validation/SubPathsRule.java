package io.podcomposer.validation;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;

/**
 * {@code sub-paths}: a volume mount's {@code subPath} and {@code subPathExpr} are
 * relative paths with no {@code ..} element, so a container cannot reach outside its
 * volume; a mount sets one of them at most. As upstream, a path that leaves the volume is
 * told without the mount's index ({@code spec.containers[0].volumeMounts.subPath}), and
 * both set at the mount's own {@code subPathExpr}.
 */
final class SubPathsRule extends ApiServerRule {

	private static final String[] FIELDS = { "subPath", "subPathExpr" };

	SubPathsRule() {
		super("sub-paths");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		for (ListEntry mount : ListEntry.inEveryContainer(pod, "volumeMounts")) {
			for (String field : FIELDS) {
				String subPath = Nodes.nonEmptyText(mount.get(field));
				String problem = (subPath != null) ? problem(subPath) : null;
				if (problem != null) {
					findings.add(mount.listPath() + "." + field, Messages.invalid(subPath, problem));
				}
			}
			String expression = Nodes.nonEmptyText(mount.get("subPathExpr"));
			if (expression != null && Nodes.nonEmptyText(mount.get("subPath")) != null) {
				findings.add(mount.path("subPathExpr"),
						Messages.invalid(expression, "subPathExpr and subPath are mutually exclusive"));
			}
		}
	}

	/** What is wrong with a path that must stay inside its volume, or null. */
	static String problem(String subPath) {
		if (subPath.startsWith("/")) {
			return "must be a relative path";
		}
		for (String element : subPath.split("/", -1)) {
			if (element.equals("..")) {
				return "must not contain '..'";
			}
		}
		return null;
	}

}
