package io.podcomposer.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.podcomposer.TestAdmin;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser without a browser: real HTTP to a running portal, keeping its cookies and
 * following no redirects, so that tests see every answer as it is sent.
 */
public final class PortalClient {

	static final String SESSION_COOKIE = "JSESSIONID";

	/** The smallest manifest the render API takes. */
	static final String POD_JSON = "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"web\"}}";

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String base;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	public PortalClient(int port) {
		this.base = "http://localhost:" + port;
	}

	public HttpResponse<String> get(String path, String... headers) {
		return send(request(path, headers).GET());
	}

	/** A GET whose body is kept as sent, compressed or not. */
	HttpResponse<byte[]> getBytes(String path, String... headers) {
		return send(request(path, headers).GET(), BodyHandlers.ofByteArray());
	}

	/** A form POST whose answer's body is kept as sent. */
	HttpResponse<byte[]> postBytes(String path, Map<String, String> form, String... headers) {
		return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(encode(form))), BodyHandlers.ofByteArray());
	}

	/** A POST of any body whose answer's body is kept as sent. */
	HttpResponse<byte[]> postBytes(String path, String contentType, String body, String... headers) {
		return send(request(path, headers).header("Content-Type", contentType).POST(BodyPublishers.ofString(body)),
				BodyHandlers.ofByteArray());
	}

	/** A form POST; header name/value pairs follow the path. */
	HttpResponse<String> post(String path, Map<String, String> form, String... headers) {
		return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(encode(form))));
	}

	public HttpResponse<String> post(String path, String contentType, String body, String... headers) {
		return send(request(path, headers).header("Content-Type", contentType).POST(BodyPublishers.ofString(body)));
	}

	/** A request of any method with a body; header name/value pairs follow the body. */
	HttpResponse<String> send(String method, String path, String contentType, String body, String... headers) {
		return send(request(path, headers).header("Content-Type", contentType)
			.method(method, BodyPublishers.ofString(body)));
	}

	/**
	 * {@link #POD_JSON} through the render API, sending the headers given (name/value
	 * pairs).
	 */
	HttpResponse<String> render(String... headers) {
		return post("/api/v1/render", "application/json", POD_JSON, headers);
	}

	/** A client signed in as the test admin. */
	public static PortalClient admin(int port) {
		return signedIn(port, TestAdmin.NAME, TestAdmin.PASSWORD);
	}

	/** A client signed in, which fails the test where the login form sends it back. */
	static PortalClient signedIn(int port, String name, String password) {
		PortalClient client = new PortalClient(port);
		assertThat(client.signIn(name, password).headers().firstValue("Location")).as("signed in as " + name)
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/compose"));
		return client;
	}

	/**
	 * Signs in through the login form, as a browser does, sending the headers given
	 * (name/value pairs); the answer is the redirect.
	 */
	public HttpResponse<String> signIn(String name, String password, String... headers) {
		String csrf = Jsoup.parse(get("/login", headers).body()).selectFirst("input[name=_csrf]").val();
		return post("/login", Map.of("username", name, "password", password, "_csrf", csrf), headers);
	}

	/**
	 * The CSRF token and the header to send it in, as the composer names them for its
	 * scripts.
	 */
	Map.Entry<String, String> csrf() {
		Document page = Jsoup.parse(get("/compose").body());
		return Map.entry(page.selectFirst("meta[name=csrf-header]").attr("content"),
				page.selectFirst("meta[name=csrf-token]").attr("content"));
	}

	String sessionId() {
		return this.cookies.get(SESSION_COOKIE);
	}

	/**
	 * The value of a cookie the portal set and the client sends back; null when it has
	 * none.
	 */
	String cookie(String name) {
		return this.cookies.get(name);
	}

	void setSessionId(String value) {
		this.cookies.put(SESSION_COOKIE, value);
	}

	private HttpRequest.Builder request(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30));
		if (headers.length > 0) {
			request.headers(headers);
		}
		if (!this.cookies.isEmpty()) {
			request.header("Cookie",
					this.cookies.entrySet()
						.stream()
						.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
						.collect(Collectors.joining("; ")));
		}
		return request;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		return send(request, BodyHandlers.ofString());
	}

	private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
		try {
			HttpResponse<T> response = this.http.send(request.build(), body);
			response.headers().allValues("Set-Cookie").forEach(this::keep);
			return response;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void keep(String setCookie) {
		String pair = setCookie.split(";", 2)[0];
		int equals = pair.indexOf('=');
		String name = pair.substring(0, equals).trim();
		String value = pair.substring(equals + 1).trim();
		boolean expired = setCookie.toLowerCase().contains("max-age=0") || value.isEmpty();
		if (expired) {
			this.cookies.remove(name);
		}
		else {
			this.cookies.put(name, value);
		}
	}

	private static String encode(Map<String, String> form) {
		return form.entrySet()
			.stream()
			.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
