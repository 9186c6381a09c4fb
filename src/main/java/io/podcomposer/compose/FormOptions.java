package io.podcomposer.compose;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.validation.LinuxCapabilities;

/** The choices the form's selects offer; an empty string means "not set". */
public record FormOptions(List<String> kinds, List<String> pullPolicies, List<String> restartPolicies,
		List<String> initRestartPolicies, List<String> dnsPolicies, List<String> protocols,
		List<String> seccompProfiles, List<String> hostPathTypes, List<String> envSources, List<String> envFromSources,
		List<String> probeHandlers, List<String> schemes, List<String> volumeTypes, List<String> mediums,
		List<String> tolerationOperators, List<String> tolerationEffects, List<String> concurrencyPolicies,
		List<String> capabilities, List<String> baselineCapabilities) {

	static final FormOptions INSTANCE = new FormOptions(
			Arrays.stream(WorkloadKind.values()).map(WorkloadKind::kindName).toList(),
			List.of("", "Always", "IfNotPresent", "Never"), List.of("", "Always", "OnFailure", "Never"),
			List.of("", "Always"), List.of("", "ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"),
			List.of("", "TCP", "UDP", "SCTP"), List.of("", "RuntimeDefault", "Localhost", "Unconfined"),
			List.of("", "DirectoryOrCreate", "Directory", "FileOrCreate", "File", "Socket", "CharDevice",
					"BlockDevice"),
			Stream.concat(Stream.of("value"), ContainerSection.ENV_SOURCES.stream()).toList(),
			List.of("configMapRef", "secretRef"), List.of("none", "httpGet", "tcpSocket", "exec", "grpc"),
			List.of("", "HTTP", "HTTPS"), VolumeSection.TYPES, List.of("", "Memory"), List.of("", "Equal", "Exists"),
			List.of("", "NoSchedule", "PreferNoSchedule", "NoExecute"), List.of("", "Allow", "Forbid", "Replace"),
			LinuxCapabilities.NAMES, List.copyOf(LinuxCapabilities.BASELINE_ALLOWED));

}
