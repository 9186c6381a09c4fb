package io.podcomposer.kube;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;

import javax.net.ssl.SSLException;

import io.kubernetes.client.openapi.ApiException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Says what went wrong in a call to a cluster, quoting the cluster's own text: the message of
 * the {@code Status} it answered, or what the connection failed with.
 */
public final class ClusterFailure {

	private ClusterFailure() {
	}

	public static String describe(ApiException ex, KubeConnection connection) {
		int code = ex.getCode();
		if (code == 0) {
			return transportFailure(ex.getCause() != null ? ex.getCause() : ex, connection);
		}
		return describe(code, statusMessage(ex.getResponseBody()));
	}

	/** What an answer with this status and the cluster's message means, the message quoted. */
	static String describe(int code, String said) {
		String quoted = said == null ? "" : ": " + said;
		if (code == 401) {
			return "The cluster refused our credentials (401 Unauthorized)" + quoted;
		}
		if (code == 403) {
			return "The cluster denied the request (403 Forbidden)" + quoted;
		}
		if (code >= 500) {
			return "The cluster failed with " + code + quoted;
		}
		return "The cluster answered " + code + quoted;
	}

	/** Whether the failure is the connection's timeout running out. */
	static boolean isTimeout(Throwable cause) {
		return find(cause, InterruptedIOException.class) != null;
	}

	static String transportFailure(Throwable cause, KubeConnection connection) {
		String server = connection.server();
		Throwable tls = find(cause, SSLException.class);
		if (tls != null) {
			return "TLS failure talking to " + server + ": " + tls.getMessage();
		}
		Throwable timeout = find(cause, InterruptedIOException.class);
		if (timeout != null) {
			return "The cluster at " + server + " did not answer within " + readable(connection.timeout()) + ": "
					+ timeout.getMessage();
		}
		Throwable refused = find(cause, ConnectException.class, NoRouteToHostException.class,
				UnknownHostException.class);
		if (refused != null) {
			return "The cluster at " + server + " is unreachable: " + refused.getMessage();
		}
		return "The cluster at " + server + " could not be reached: " + cause;
	}

	/** The first exception in the chain of causes that is one of the types. */
	@SafeVarargs
	private static Throwable find(Throwable thrown, Class<? extends Throwable>... types) {
		for (Throwable current = thrown; current != null; current = current.getCause()) {
			for (Class<? extends Throwable> type : types) {
				if (type.isInstance(current)) {
					return current;
				}
			}
		}
		return null;
	}

	static String readable(Duration timeout) {
		long millis = timeout.toMillis();
		return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
	}

	/** The {@code message} of a Kubernetes {@code Status} body, or the body itself when it is none. */
	static String statusMessage(String body) {
		if (body == null || body.isBlank()) {
			return null;
		}
		try {
			JsonNode status = JsonMapper.shared().readTree(body);
			if (status.path("message").isString()) {
				return status.path("message").asString();
			}
		}
		catch (JacksonException ex) {
			// not a Status: quote what it said
		}
		String text = body.strip();
		return text.length() > 500 ? text.substring(0, 500) + "…" : text;
	}
}
