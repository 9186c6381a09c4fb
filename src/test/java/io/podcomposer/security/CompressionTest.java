package io.podcomposer.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

import io.podcomposer.TestAdmin;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text answers are gzipped for a client that accepts it, and only then; what guards an
 * answer (its security headers, the body limit, its problem) holds the same either way.
 * The CSRF token of a compressed page is masked anew in each answer (BREACH, see
 * docs/SECURITY.md).
 */
@SecurityTest
class CompressionTest {

	private static final String GZIP = "gzip";

	@LocalServerPort
	private int port;

	@ParameterizedTest
	@ValueSource(strings = { "/compose", "/css/app.css", "/js/composer.js", "/webjars/htmx.org/dist/htmx.min.js" })
	void pagesAndAssetsAreGzippedOnlyForAClientThatAcceptsIt(String path) {
		PortalClient client = PortalClient.admin(this.port);

		HttpResponse<byte[]> gzipped = client.getBytes(path, "Accept-Encoding", GZIP);
		HttpResponse<byte[]> plain = client.getBytes(path);

		assertThat(gzipped.statusCode()).isEqualTo(200);
		assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue(GZIP);
		assertThat(gzipped.body().length).as("bytes sent gzipped").isLessThan(plain.body().length / 2);
		assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
		String text = text(gzipped);
		if (path.equals("/compose")) {
			// the page's CSRF token differs in each answer
			assertThat(text).startsWith("<!DOCTYPE html>").contains("</html>");
		}
		else {
			assertThat(text).isEqualTo(new String(plain.body(), StandardCharsets.UTF_8));
		}
	}

	/** The answer of every keystroke in the composer. */
	@Test
	void theLivePreviewIsGzipped() {
		PortalClient client = PortalClient.admin(this.port);
		Map.Entry<String, String> csrf = client.csrf();
		Map<String, String> form = Map.of("name", "gzipped", "containers[0].name", "web", "containers[0].image",
				"nginx:1.27");

		HttpResponse<byte[]> preview = client.postBytes("/compose/preview", form, csrf.getKey(), csrf.getValue(),
				"HX-Request", "true", "Accept-Encoding", GZIP);

		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(preview.headers().firstValue("Content-Encoding")).hasValue(GZIP);
		assertThat(text(preview)).contains("name: gzipped");
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/json", "application/yaml" })
	void apiAnswersAreGzipped(String type) {
		HttpResponse<byte[]> export = new PortalClient(this.port).getBytes("/api/v1/templates/export", "Authorization",
				TestAdmin.BEARER, "Accept", type, "Accept-Encoding", GZIP);

		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith(type));
		assertThat(export.headers().firstValue("Content-Encoding")).hasValue(GZIP);
		assertThat(text(export)).contains("production-web");
	}

	@Test
	void aLargeProblemIsGzippedAndStaysAProblem() {
		String names = IntStream.rangeClosed(1, 40).mapToObj("VALUE_%02d"::formatted).collect(Collectors.joining(","));
		String template = "{\"name\": \"many-values\", \"parameters\": ["
				+ names.replaceAll("(\\w+)", "{\"name\": \"$1\", \"required\": true}")
				+ "], \"manifest\": {\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"web\"},"
				+ " \"spec\": {\"containers\": [{\"name\": \"web\", \"image\": \"nginx\", \"args\": ["
				+ names.replaceAll("(\\w+)", "\"\\${$1}\"") + "]}]}}}";

		HttpResponse<byte[]> problem = new PortalClient(this.port).postBytes("/api/v1/render", "application/json",
				template, "Authorization", TestAdmin.BEARER, "Accept-Encoding", GZIP);

		assertThat(problem.statusCode()).isEqualTo(422);
		assertThat(problem.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(problem.headers().firstValue("Content-Encoding")).hasValue(GZIP);
		assertThat(text(problem)).contains("\"status\":422", "values.VALUE_40");
		assertThat(problem.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
	}

	@Test
	void theBodyLimitHoldsForAClientThatAcceptsGzip() {
		HttpResponse<byte[]> refused = new PortalClient(this.port).postBytes("/api/v1/render", "application/json",
				" ".repeat(2 * 1024 * 1024), "Authorization", TestAdmin.BEARER, "Accept-Encoding", GZIP);

		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(text(refused)).contains("\"status\":413", "1 MiB");
	}

	@Test
	void aGzippedPageKeepsItsSecurityHeaders() {
		HttpResponse<byte[]> page = PortalClient.admin(this.port).getBytes("/compose", "Accept-Encoding", GZIP);

		assertThat(page.headers().firstValue("Content-Encoding")).hasValue(GZIP);
		assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(SecurityConfig.PAGE_POLICY);
		assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(page.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((cache) -> assertThat(cache).contains("no-store"));
	}

	/**
	 * BREACH guesses a secret that comes back the same in each compressed answer; Spring
	 * Security XORs the session's CSRF token with fresh random bytes for each answer, and
	 * takes any of them.
	 */
	@Test
	void theCsrfTokenOfAPageIsMaskedAnewInEachAnswer() {
		PortalClient client = PortalClient.admin(this.port);
		String first = token(client.getBytes("/compose", "Accept-Encoding", GZIP));
		String second = token(client.getBytes("/compose", "Accept-Encoding", GZIP));

		assertThat(first).isNotEqualTo(second);
		Map<String, String> form = new HashMap<>(Map.of("name", "masked"));
		for (String token : new String[] { first, second }) {
			form.put("_csrf", token);
			assertThat(client.post("/compose/preview", form).statusCode()).as(token).isEqualTo(200);
		}
	}

	private static String token(HttpResponse<byte[]> page) {
		return Jsoup.parse(text(page)).selectFirst("meta[name=csrf-token]").attr("content");
	}

	/** The body as text, unzipped where it was sent gzipped. */
	private static String text(HttpResponse<byte[]> response) {
		boolean gzipped = response.headers().firstValue("Content-Encoding").filter(GZIP::equals).isPresent();
		try {
			byte[] body = gzipped ? new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes()
					: response.body();
			return new String(body, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
