package io.podcomposer.kube;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * Some other HTTP server on loopback, as an internal service a cluster's address might
 * point at: it answers every request with the same status, media type and body, and keeps
 * the {@code Authorization} headers it was sent.
 */
public final class NotKubernetes implements AutoCloseable {

	/** What such a service might hold: it must never reach an answer of the portal. */
	public static final String SECRET = "internal-secret-7f3a9c";

	private final HttpServer server;

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	private NotKubernetes(int status, String contentType, String body, String location) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		this.server.createContext("/", (exchange) -> {
			try (exchange) {
				exchange.getRequestBody().readAllBytes();
				String authorization = exchange.getRequestHeaders().getFirst("Authorization");
				if (authorization != null) {
					this.authorizations.add(authorization);
				}
				exchange.getResponseHeaders().set("Content-Type", contentType);
				if (location != null) {
					exchange.getResponseHeaders().set("Location", location);
				}
				exchange.sendResponseHeaders(status, bytes.length);
				exchange.getResponseBody().write(bytes);
			}
		});
		this.server.start();
	}

	/** A server answering every request so. */
	public static NotKubernetes answering(int status, String contentType, String body) {
		return start(status, contentType, body, null);
	}

	/** A server sending every request on to another URL. */
	public static NotKubernetes redirectingTo(String url) {
		return start(302, "text/html", "moved", url);
	}

	private static NotKubernetes start(int status, String contentType, String body, String location) {
		try {
			return new NotKubernetes(status, contentType, body, location);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start the server", ex);
		}
	}

	/** An admin page of some internal service, holding {@link #SECRET}. */
	public static NotKubernetes htmlPage(int status) {
		return answering(status, "text/html; charset=utf-8",
				"<html><body><h1>Internal console</h1><p>api key: " + SECRET + "</p></body></html>");
	}

	/**
	 * A JSON answer of some internal service, holding {@link #SECRET}, with a
	 * {@code message} too.
	 */
	public static NotKubernetes json(int status) {
		return answering(status, "application/json",
				"{\"message\": \"" + SECRET + "\", \"items\": [\"" + SECRET + "\"]}");
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** The Authorization headers sent to it, in order. */
	public List<String> authorizations() {
		return this.authorizations;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
