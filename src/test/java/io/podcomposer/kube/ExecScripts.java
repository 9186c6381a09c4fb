package io.podcomposer.kube;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Small shell scripts that stand in for a kubeconfig's exec command, such as
 * {@code aws eks get-token}.
 */
public final class ExecScripts {

	public static final String API_VERSION = "client.authentication.k8s.io/v1";

	private ExecScripts() {
	}

	/**
	 * Script lines that print an ExecCredential with the given status fields, JSON that
	 * may hold shell variables.
	 */
	public static String printing(String statusFields) {
		return "printf '%s\\n' \"{\\\"apiVersion\\\": \\\"" + API_VERSION
				+ "\\\", \\\"kind\\\": \\\"ExecCredential\\\", \\\"status\\\": {" + statusFields.replace("\"", "\\\"")
				+ "}}\"\n";
	}

	/** Writes an executable shell script; answers its path. */
	public static String write(Path file, String body) throws IOException {
		Files.writeString(file, "#!/bin/sh\n" + body);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
		return file.toString();
	}

}
