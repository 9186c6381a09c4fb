package io.podcomposer.validation;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Linux capabilities a container may add or drop, as Kubernetes names them: without
 * the {@code CAP_} prefix. {@code ALL} stands for every one of them. The composer offers
 * them in its picker, and the unknown-capability hint checks names against them.
 */
public final class LinuxCapabilities {

	/** In the order of linux/capability.h. */
	public static final List<String> NAMES = List.of("CHOWN", "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID",
			"KILL", "SETGID", "SETUID", "SETPCAP", "LINUX_IMMUTABLE", "NET_BIND_SERVICE", "NET_BROADCAST", "NET_ADMIN",
			"NET_RAW", "IPC_LOCK", "IPC_OWNER", "SYS_MODULE", "SYS_RAWIO", "SYS_CHROOT", "SYS_PTRACE", "SYS_PACCT",
			"SYS_ADMIN", "SYS_BOOT", "SYS_NICE", "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG", "MKNOD", "LEASE",
			"AUDIT_WRITE", "AUDIT_CONTROL", "SETFCAP", "MAC_OVERRIDE", "MAC_ADMIN", "SYSLOG", "WAKE_ALARM",
			"BLOCK_SUSPEND", "AUDIT_READ", "PERFMON", "BPF", "CHECKPOINT_RESTORE");

	/** What the Pod Security baseline level lets a container add. */
	public static final Set<String> BASELINE_ALLOWED = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER",
			"FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");

	private LinuxCapabilities() {
	}

	public static boolean isKnown(String name) {
		return "ALL".equals(name) || NAMES.contains(name);
	}

	/** Why a name is not a capability, with the likely fix. */
	public static String problem(String name) {
		String upper = name.toUpperCase(Locale.ROOT);
		String bare = upper.startsWith("CAP_") ? upper.substring(4) : upper;
		if (isKnown(bare)) {
			return "\"" + name + "\" should be written " + bare;
		}
		return "\"" + name + "\" is not a Linux capability";
	}

}
