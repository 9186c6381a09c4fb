package io.podcomposer.validation;

import io.podcomposer.manifest.PodView;

/**
 * {@code sub-paths}: a volume mount's {@code subPath} and {@code subPathExpr} are relative paths
 * with no {@code ..} element, so a container cannot reach outside its volume; a mount sets one of
 * them at most. The path is the mount's own field (upstream leaves out the mount's index).
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
					findings.add(mount.path(field), Messages.invalid(subPath, problem));
				}
			}
			String expression = Nodes.nonEmptyText(mount.get("subPathExpr"));
			if (expression != null && Nodes.nonEmptyText(mount.get("subPath")) != null) {
				findings.add(mount.path("subPathExpr"),
						Messages.invalid(expression, "subPathExpr and subPath are mutually exclusive"));
			}
		}
	}

	private static String problem(String subPath) {
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
