package io.podcomposer.clusters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.podcomposer.kube.ExecCredentialPlugin;
import io.podcomposer.manifest.ManifestParseException;
import io.podcomposer.manifest.ManifestReader;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;

/**
 * What one context of a kubeconfig needs to reach its cluster, and nothing more. Whatever
 * would make the portal run a program ({@code exec}, {@code auth-provider}) or read its
 * own disk (file paths) is refused, naming the entry; {@code exec} only unless
 * {@value #ALLOW_EXEC} is on.
 *
 * @param context the context picked
 * @param namespace the namespace the context names, where deploys go unless told
 * otherwise; null without one
 * @param server the API server's URL, http or https
 * @param certificateAuthorityData the CA bundle, base64 as in the kubeconfig; null
 * without one
 * @param insecure whether the kubeconfig turns TLS verification off
 * @param credentials how to sign in
 */
public record Kubeconfig(String context, String namespace, String server, String certificateAuthorityData,
		boolean insecure, Credentials credentials) {

	/** A DNS label, as namespaces are named. */
	private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

	private static final List<String> FILE_ENTRIES = List.of("token-file", "tokenFile", "client-certificate",
			"client-key", "certificate-authority");

	/**
	 * The setting that lets a kubeconfig's {@code exec} command run on the portal's host.
	 */
	static final String ALLOW_EXEC = "podcomposer.clusters.allow-exec";

	/**
	 * Reads a kubeconfig.
	 * @param context the context to use; null or blank for the current one, or the only
	 * one
	 * @param allowExec whether a user's {@code exec} command is kept, to be run on each
	 * connection
	 * @throws KubeconfigException when it cannot be used, with a message for the person
	 * who gave it
	 */
	public static Kubeconfig read(String text, String context, boolean allowExec) {
		if (text == null || text.isBlank()) {
			throw new KubeconfigException("The kubeconfig is empty.");
		}
		JsonNode root;
		try {
			root = ManifestReader.readYaml(text);
		}
		catch (ManifestParseException ex) {
			throw new KubeconfigException("The kubeconfig is not valid YAML: " + ex.describe());
		}
		if (!root.isObject()) {
			throw new KubeconfigException("The kubeconfig must be a YAML map with clusters, users and contexts.");
		}
		String contextName = pickContext(root, context);
		JsonNode contextEntry = named(root, "contexts", contextName).path("context");
		String clusterName = required(contextEntry, "cluster", "context " + contextName);
		String userName = required(contextEntry, "user", "context " + contextName);
		JsonNode cluster = named(root, "clusters", clusterName).path("cluster");
		JsonNode user = named(root, "users", userName).path("user");
		String clusterWhere = "cluster " + clusterName;
		String userWhere = "user " + userName;
		refuseFilesAndPrograms(cluster, clusterWhere, false);
		refuseFilesAndPrograms(user, userWhere, allowExec);
		return new Kubeconfig(contextName, namespace(contextEntry), server(cluster, clusterWhere),
				text(cluster, "certificate-authority-data"), cluster.path("insecure-skip-tls-verify").asBoolean(false),
				credentials(user, userWhere));
	}

	/** The context's namespace, when it names one a namespace could be called. */
	private static String namespace(JsonNode contextEntry) {
		String namespace = text(contextEntry, "namespace");
		return (namespace != null && NAMESPACE.matcher(namespace).matches()) ? namespace : null;
	}

	private static String pickContext(JsonNode root, String wanted) {
		List<String> names = new ArrayList<>();
		root.path("contexts").valueStream().forEach((entry) -> names.add(entry.path("name").asString("")));
		if (names.isEmpty()) {
			throw new KubeconfigException("The kubeconfig has no contexts.");
		}
		if (wanted != null && !wanted.isBlank()) {
			if (!names.contains(wanted.trim())) {
				throw new KubeconfigException("The kubeconfig has no context " + wanted.trim() + "; it has "
						+ String.join(", ", names) + ".");
			}
			return wanted.trim();
		}
		String current = text(root, "current-context");
		if (current != null && names.contains(current)) {
			return current;
		}
		if (names.size() == 1) {
			return names.get(0);
		}
		throw new KubeconfigException("The kubeconfig has several contexts and names no current one; pick one of "
				+ String.join(", ", names) + ".");
	}

	/** The entry of that name in a list such as {@code clusters}. */
	private static JsonNode named(JsonNode root, String list, String name) {
		return root.path(list)
			.valueStream()
			.filter((entry) -> name.equals(entry.path("name").asString(null)))
			.findFirst()
			.orElseThrow(
					() -> new KubeconfigException("The kubeconfig's " + list + " have no entry named " + name + "."));
	}

	private static void refuseFilesAndPrograms(JsonNode entry, String where, boolean allowExec) {
		if (entry.has("exec") && !allowExec) {
			throw new KubeconfigException("The " + where
					+ " uses exec, which would run a program on the portal's host; "
					+ "give a token, a client certificate or a user name and password inline instead, or have the "
					+ "operator allow it with " + ALLOW_EXEC + "=true (PODCOMPOSER_CLUSTERS_ALLOW_EXEC).");
		}
		if (entry.has("auth-provider")) {
			throw new KubeconfigException("The " + where + " uses auth-provider, which would run a program on the "
					+ "portal's host; give a token, a client certificate or a user name and password inline instead.");
		}
		for (String field : FILE_ENTRIES) {
			if (entry.has(field)) {
				throw new KubeconfigException("The " + where + " refers to a file with " + field
						+ ", which would read the portal's own disk; give the " + inlineFor(field)
						+ " inline instead.");
			}
		}
	}

	private static String inlineFor(String fileEntry) {
		return switch (fileEntry) {
			case "token-file", "tokenFile" -> "token";
			default -> fileEntry + "-data";
		};
	}

	/**
	 * The server's URL: http or https, with a host and no credentials. A refusal does not
	 * repeat the URL, which may hold a password.
	 */
	private static String server(JsonNode cluster, String where) {
		String server = required(cluster, "server", where);
		String lower = server.toLowerCase(Locale.ROOT);
		if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
			throw new KubeconfigException("The " + where + "'s server must be an http or https URL.");
		}
		// read as the client that calls it reads it
		HttpUrl url = HttpUrl.parse(server);
		if (url == null) {
			throw new KubeconfigException("The " + where + "'s server is not a valid URL.");
		}
		if (!url.username().isEmpty() || !url.password().isEmpty()) {
			throw new KubeconfigException("The " + where + "'s server URL holds a user name or password (user@host); "
					+ "give the URL without them, and the credentials in the kubeconfig's user: a token, a client "
					+ "certificate, or username and password.");
		}
		return server;
	}

	/**
	 * The server URL without the user name and password it held, for showing a cluster
	 * added before such URLs were refused; read as {@link #server} reads it.
	 */
	static String withoutUserInfo(String server) {
		HttpUrl url = HttpUrl.parse(server);
		if (url == null || (url.username().isEmpty() && url.password().isEmpty())) {
			return server;
		}
		return url.newBuilder().username("").password("").build().toString();
	}

	private static Credentials credentials(JsonNode user, String where) {
		List<Credentials> given = new ArrayList<>();
		String token = text(user, "token");
		if (token != null) {
			given.add(Credentials.token(token));
		}
		String certificate = text(user, "client-certificate-data");
		String key = text(user, "client-key-data");
		if (certificate != null || key != null) {
			if (certificate == null || key == null) {
				throw new KubeconfigException("The " + where
						+ " needs both client-certificate-data and client-key-data for a client certificate.");
			}
			given.add(Credentials.clientCertificate(certificate, key));
		}
		String username = text(user, "username");
		String password = text(user, "password");
		if (username != null || password != null) {
			if (username == null || password == null) {
				throw new KubeconfigException("The " + where + " needs both username and password for basic auth.");
			}
			given.add(Credentials.basic(username, password));
		}
		if (user.has("exec")) {
			given.add(Credentials.exec(exec(user.get("exec"), where + "'s exec")));
		}
		if (given.isEmpty()) {
			throw new KubeconfigException("The " + where
					+ " gives no credentials: a token, client-certificate-data with client-key-data, or username with password.");
		}
		if (given.size() > 1) {
			throw new KubeconfigException("The " + where + " gives more than one kind of credentials ("
					+ String.join(", ", given.stream().map((each) -> each.kind().name()).toList()) + "); keep one.");
		}
		return given.get(0);
	}

	/**
	 * The command, its arguments, the variables it gets and the ExecCredential version it
	 * answers in.
	 */
	private static ExecCredentialPlugin.Command exec(JsonNode exec, String where) {
		if (!exec.isObject()) {
			throw new KubeconfigException("The " + where + " must be a map with a command.");
		}
		String apiVersion = required(exec, "apiVersion", where);
		String command = required(exec, "command", where);
		List<String> args = new ArrayList<>();
		for (JsonNode arg : exec.path("args")) {
			if (!arg.isValueNode() || arg.isNull()) {
				throw new KubeconfigException("The " + where + " has args that are not all text.");
			}
			args.add(arg.asString());
		}
		Map<String, String> env = new LinkedHashMap<>();
		for (JsonNode variable : exec.path("env")) {
			String name = text(variable, "name");
			JsonNode value = variable.path("value");
			if (name == null || !value.isValueNode() || value.isNull()) {
				throw new KubeconfigException("The " + where + " has an env entry without a name and a value.");
			}
			env.put(name, value.asString());
		}
		return new ExecCredentialPlugin.Command(apiVersion, command, args, env);
	}

	private static String required(JsonNode entry, String field, String where) {
		String value = text(entry, field);
		if (value == null) {
			throw new KubeconfigException("The " + where + " has no " + field + ".");
		}
		return value;
	}

	/** A non-blank text field, else null. */
	private static String text(JsonNode entry, String field) {
		JsonNode value = entry.get(field);
		if (value == null || !value.isValueNode() || value.isNull()) {
			return null;
		}
		String text = value.asString().trim();
		return text.isEmpty() ? null : text;
	}

	/** Names no secret: a record's own {@code toString} would print the credentials. */
	@Override
	public String toString() {
		return "Kubeconfig[context=" + this.context + ", namespace=" + this.namespace + ", server=" + this.server
				+ ", insecure=" + this.insecure + ", " + this.credentials + "]";
	}

}
