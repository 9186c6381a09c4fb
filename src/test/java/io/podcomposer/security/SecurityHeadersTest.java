package io.podcomposer.security;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.podcomposer.TestAdmin;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headers that keep a browser from running injected script or framing a page, on
 * every kind of answer; and the templates, which must not need the inline script the
 * policy forbids.
 */
@SecurityTest
class SecurityHeadersTest {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	@LocalServerPort
	private int port;

	@ParameterizedTest
	@ValueSource(strings = { "page", "login page", "api answer", "api refusal", "error page", "api docs" })
	void everyAnswerForbidsInlineScriptFramingAndSniffing(String kind) {
		HttpResponse<String> response = answer(kind);

		Map<String, String> policy = directives(response.headers().firstValue("Content-Security-Policy").orElseThrow());
		String scripts = policy.getOrDefault("script-src", policy.get("default-src"));
		assertThat(scripts).as("script-src").isNotNull().doesNotContain("'unsafe-inline'", "'unsafe-eval'");
		assertThat(policy).containsEntry("frame-ancestors", "'none'");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(response.headers().firstValue("Referrer-Policy")).isPresent();
	}

	/**
	 * An asset by its plain URL (an old page's, a bookmark's) is asked again on each use,
	 * and costs a 304 while unchanged, not its bytes; pages link hashed URLs instead
	 * (HashedAssetsTest).
	 */
	@Test
	void assetsAreRevalidatedNotDownloadedAgain() {
		PortalClient client = new PortalClient(this.port);
		HttpResponse<String> asset = client.get("/css/app.css");

		assertThat(asset.statusCode()).isEqualTo(200);
		assertThat(asset.headers().firstValue("Cache-Control")).hasValue("no-cache");
		assertThat(asset.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		String lastModified = asset.headers().firstValue("Last-Modified").orElseThrow();
		assertThat(client.get("/css/app.css", "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
	}

	@Test
	void noTemplateHasInlineScriptOrEventHandlers() throws IOException {
		for (Path template : templates()) {
			Document page = Jsoup.parse(Files.readString(template));
			assertThat(page.select("script")).as(template + ": scripts without a body")
				.allMatch((script) -> script.data().isBlank());
			assertThat(page.getAllElements()
				.stream()
				.flatMap((element) -> element.attributes().asList().stream())
				.map(Attribute::getKey))
				// on…= and th:on…= handlers; htmx's hx-on evaluates its value as script
				// too
				.as(template + ": event handler attributes")
				.noneMatch((name) -> name.matches("(th:|data-th-)?on\\w+") || name.startsWith("hx-on"));
			assertThat(Files.readString(template)).as(template.toString()).doesNotContainIgnoringCase("javascript:");
		}
	}

	/** Every page template of the portal, as written. */
	static List<Path> templates() throws IOException {
		List<Path> templates;
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			templates = files.filter((file) -> file.toString().endsWith(".html")).toList();
		}
		assertThat(templates).as("templates found").isNotEmpty();
		return templates;
	}

	private HttpResponse<String> answer(String kind) {
		PortalClient client = new PortalClient(this.port);
		return switch (kind) {
			case "page" -> PortalClient.admin(this.port).get("/compose");
			case "login page" -> client.get("/login");
			case "api answer" -> client.render("Authorization", TestAdmin.BEARER);
			case "api refusal" -> client.get("/api/v1/render");
			case "error page" ->
				expect(PortalClient.admin(this.port).get("/nothing-here", "Accept", "text/html"), 403, "text/html");
			case "api docs" -> client.get("/swagger-ui/index.html");
			default -> throw new IllegalArgumentException(kind);
		};
	}

	private static HttpResponse<String> expect(HttpResponse<String> response, int status, String type) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith(type));
		return response;
	}

	private static Map<String, String> directives(String policy) {
		return Arrays.stream(policy.split(";"))
			.map(String::trim)
			.filter((directive) -> !directive.isEmpty())
			.map((directive) -> directive.split("\\s+", 2))
			.collect(Collectors.toMap((parts) -> parts[0], (parts) -> (parts.length > 1) ? parts[1] : ""));
	}

}
