package io.podcomposer.kube;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a kubeconfig's {@code exec} command, as kubectl does, and reads the
 * {@code ExecCredential} it prints: a bearer token, or a client certificate with its key.
 * The command runs directly, no shell, with its stdin closed and at most {@link #limit}
 * to finish, then it is killed. Its stdout holds the credential, so no message ever
 * quotes it; its stderr is quoted, a few lines at most. A credential is reused until its
 * {@code expirationTimestamp}; without one, it is asked for anew on each connection.
 */
public class ExecCredentialPlugin {

	/**
	 * What the portal's own secrets are set by: the command gets the environment without
	 * them.
	 */
	private static final String PORTAL_VARIABLES = "PODCOMPOSER_";

	private static final int MAX_OUTPUT_BYTES = 1024 * 1024;

	private static final int QUOTED_LINES = 5;

	private static final int QUOTED_LINE_LENGTH = 300;

	private final Duration limit;

	private final Clock clock;

	private final Map<Command, Issued> issued = new ConcurrentHashMap<>();

	public ExecCredentialPlugin(Duration limit, Clock clock) {
		this.limit = limit;
		this.clock = clock;
	}

	/**
	 * A kubeconfig's {@code exec} entry.
	 *
	 * @param apiVersion the {@code ExecCredential} version the command is asked for and
	 * must answer in
	 * @param env variables added to the environment the command gets
	 */
	public record Command(String apiVersion, String command, List<String> args, Map<String, String> env) {

		public Command {
			args = List.copyOf(args == null ? List.of() : args);
			env = (env == null) ? Map.of() : env;
		}

		/** Names the program only: its arguments and variables may hold secrets. */
		@Override
		public String toString() {
			return "Command[" + this.command + "]";
		}

	}

	/** A credential and when it stops being good; null when it did not say. */
	private record Issued(KubeConnection.Credentials credentials, Instant expires) {
	}

	/**
	 * The credentials the command gives, from the cache while they have not expired.
	 * @throws ExecCredentialException when the command cannot be run, fails, takes too
	 * long or prints no credential
	 */
	public KubeConnection.Credentials credentials(Command command) {
		Issued cached = this.issued.get(command);
		if (cached != null && this.clock.instant().isBefore(cached.expires())) {
			return cached.credentials();
		}
		Issued fresh = run(command);
		if (fresh.expires() != null) {
			this.issued.put(command, fresh);
		}
		else {
			this.issued.remove(command);
		}
		return fresh.credentials();
	}

	private Issued run(Command command) {
		List<String> line = new ArrayList<>();
		line.add(command.command());
		line.addAll(command.args());
		ProcessBuilder builder = new ProcessBuilder(line);
		builder.environment().keySet().removeIf((name) -> name.startsWith(PORTAL_VARIABLES));
		builder.environment()
			.put("KUBERNETES_EXEC_INFO",
					JsonMapper.shared()
						.createObjectNode()
						.put("apiVersion", command.apiVersion())
						.put("kind", "ExecCredential")
						.set("spec", JsonMapper.shared().createObjectNode().put("interactive", false))
						.toString());
		builder.environment().putAll(command.env());
		String name = "The exec command " + command.command();
		Process process;
		try {
			process = builder.start();
			process.getOutputStream().close();
		}
		catch (IOException ex) {
			throw new ExecCredentialException(name + " cannot be run: " + ex.getMessage());
		}
		CompletableFuture<byte[]> stdout = drain(process.getInputStream());
		CompletableFuture<byte[]> stderr = drain(process.getErrorStream());
		try {
			if (!process.waitFor(this.limit.toMillis(), TimeUnit.MILLISECONDS)) {
				kill(process);
				throw new ExecCredentialException(name + " did not finish within " + ClusterFailure.readable(this.limit)
						+ " and was stopped" + quoted(stderr));
			}
			if (process.exitValue() != 0) {
				throw new ExecCredentialException(
						name + " failed with exit code " + process.exitValue() + quoted(stderr));
			}
			return read(name, command.apiVersion(), stdout.get(this.limit.toMillis(), TimeUnit.MILLISECONDS), stderr);
		}
		catch (InterruptedException ex) {
			kill(process);
			Thread.currentThread().interrupt();
			throw new ExecCredentialException(name + " was interrupted.");
		}
		catch (ExecutionException | TimeoutException ex) {
			kill(process);
			throw new ExecCredentialException(name + " printed nothing that could be read" + quoted(stderr));
		}
	}

	private Issued read(String name, String apiVersion, byte[] stdout, CompletableFuture<byte[]> stderr) {
		JsonNode credential;
		try {
			credential = JsonMapper.shared().readTree(stdout);
		}
		catch (JacksonException ex) {
			credential = null;
		}
		if (credential == null || !credential.isObject()
				|| !"ExecCredential".equals(credential.path("kind").asString(null))) {
			throw new ExecCredentialException(name + " printed no ExecCredential JSON" + quoted(stderr));
		}
		String answered = credential.path("apiVersion").asString(null);
		if (apiVersion != null && !apiVersion.equals(answered)) {
			throw new ExecCredentialException(name + " answered an ExecCredential of apiVersion " + answered
					+ ", not the " + apiVersion + " asked for.");
		}
		JsonNode status = credential.path("status");
		String token = text(status, "token");
		String certificate = text(status, "clientCertificateData");
		String key = text(status, "clientKeyData");
		KubeConnection.Credentials credentials;
		if (token != null) {
			credentials = new KubeConnection.Credentials.BearerToken(token);
		}
		else if (certificate != null && key != null) {
			credentials = new KubeConnection.Credentials.ClientCertificate(certificate, key);
		}
		else {
			throw new ExecCredentialException(name + " printed an ExecCredential without status.token, nor "
					+ "status.clientCertificateData with status.clientKeyData.");
		}
		return new Issued(credentials, expiry(name, text(status, "expirationTimestamp")));
	}

	private static Instant expiry(String name, String timestamp) {
		if (timestamp == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(timestamp).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new ExecCredentialException(
					name + " printed an expirationTimestamp that is not an RFC 3339 time: " + timestamp);
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isString() && !value.asString().isBlank()) ? value.asString() : null;
	}

	/**
	 * Reads a stream to its end, on a thread of its own so that neither pipe fills and
	 * blocks the command.
	 */
	private static CompletableFuture<byte[]> drain(InputStream stream) {
		CompletableFuture<byte[]> read = new CompletableFuture<>();
		Thread reader = new Thread(() -> {
			try (stream) {
				ByteArrayOutputStream kept = new ByteArrayOutputStream();
				byte[] buffer = new byte[8192];
				for (int n = stream.read(buffer); n >= 0; n = stream.read(buffer)) {
					kept.write(buffer, 0, Math.min(n, Math.max(0, MAX_OUTPUT_BYTES - kept.size())));
				}
				read.complete(kept.toByteArray());
			}
			catch (IOException ex) {
				read.completeExceptionally(ex);
			}
		}, "exec-credential-reader");
		reader.setDaemon(true);
		reader.start();
		return read;
	}

	/**
	 * The first lines of what the command wrote to stderr, after a colon, or a full stop
	 * when it wrote none.
	 */
	private static String quoted(CompletableFuture<byte[]> stderr) {
		byte[] bytes;
		try {
			bytes = stderr.get(1, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ".";
		}
		catch (ExecutionException | TimeoutException ex) {
			return ".";
		}
		List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines()
			.filter((line) -> !line.isBlank())
			.toList();
		if (lines.isEmpty()) {
			return ".";
		}
		String quoted = lines.stream()
			.limit(QUOTED_LINES)
			.map((line) -> line.length() > QUOTED_LINE_LENGTH ? line.substring(0, QUOTED_LINE_LENGTH) + "…" : line)
			.collect(Collectors.joining("\n"));
		return ": " + quoted + (lines.size() > QUOTED_LINES ? "\n…" : "");
	}

	/**
	 * The command first, so that it cannot report on its children's end, then what it
	 * started.
	 */
	private static void kill(Process process) {
		List<ProcessHandle> started = process.descendants().toList();
		process.destroyForcibly();
		started.forEach(ProcessHandle::destroyForcibly);
	}

}
