package io.podcomposer.validation;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;
import tools.jackson.databind.JsonNode;

/**
 * {@code security-profiles}: a {@code seccompProfile} or {@code appArmorProfile}, of the
 * pod or of a container, has a {@code type} of {@code Localhost}, {@code RuntimeDefault}
 * or {@code Unconfined}; a {@code localhostProfile} exactly when the type is
 * {@code Localhost}, and for seccomp a relative path with no {@code ..} element, as it
 * names a file under the kubelet's seccomp directory.
 */
final class SecurityProfilesRule extends ApiServerRule {

	private static final AllowedValues TYPES = new AllowedValues("Localhost", "RuntimeDefault", "Unconfined");

	SecurityProfilesRule() {
		super("security-profiles");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		checkContext(pod.podSpec().path("securityContext"), pod.specPath("securityContext"), findings);
		for (ContainerRef container : pod.allContainers()) {
			checkContext(container.node().path("securityContext"), container.path("securityContext"), findings);
		}
	}

	private static void checkContext(JsonNode context, String path, Findings findings) {
		checkProfile(context.path("seccompProfile"), path + ".seccompProfile", "seccomp", findings);
		checkProfile(context.path("appArmorProfile"), path + ".appArmorProfile", "AppArmor", findings);
	}

	private static void checkProfile(JsonNode profile, String path, String what, Findings findings) {
		if (!profile.isObject()) {
			return;
		}
		String type = Nodes.nonEmptyText(profile.path("type"));
		if (type == null) {
			findings.add(path + ".type", Messages.REQUIRED);
		}
		TYPES.check(profile.path("type"), path + ".type", findings);
		String localhost = Nodes.text(profile.path("localhostProfile"));
		// a seccomp profile is a file under the kubelet's seccomp directory
		String outside = (localhost != null && what.equals("seccomp")) ? SubPathsRule.problem(localhost) : null;
		if ("Localhost".equals(type) && localhost == null) {
			findings.add(path + ".localhostProfile",
					Messages.required("must be set when " + what + " type is Localhost"));
		}
		else if ("Localhost".equals(type) && outside != null) {
			findings.add(path + ".localhostProfile", Messages.invalid(localhost, outside));
		}
		else if (type != null && !"Localhost".equals(type) && localhost != null) {
			findings.add(path + ".localhostProfile",
					Messages.invalid(localhost, "can only be set when " + what + " type is Localhost"));
		}
	}

}
