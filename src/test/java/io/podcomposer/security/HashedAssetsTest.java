package io.podcomposer.security;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages link each asset by a URL with a hash of its content, which a browser may keep for
 * a year; the plain URL still answers, but is asked again on each use (see
 * SecurityHeadersTest).
 */
@SecurityTest
class HashedAssetsTest {

	private static final Pattern ASSET = Pattern.compile("/(css|js|img|webjars)/.*");

	private static final Pattern HASHED = Pattern.compile(".*-[0-9a-f]{32}\\.\\w+");

	private static final String A_YEAR = "max-age=31536000, public, immutable";

	@LocalServerPort
	private int port;

	@Test
	void pagesLinkEveryAssetByItsHashedUrlWhichIsKeptForAYear() {
		PortalClient admin = PortalClient.admin(this.port);
		List<String> links = Stream
			.of(new PortalClient(this.port).get("/login"), admin.get("/compose"), admin.get("/profile"),
					admin.get("/templates/import"), admin.get("/admin/users"),
					admin.get("/nothing-here", "Accept", "text/html"))
			.flatMap((page) -> assetLinks(page.body()).stream())
			.distinct()
			.toList();

		assertThat(links).as("asset links of the pages")
			.anyMatch((link) -> link.startsWith("/css/app-"))
			.anyMatch((link) -> link.startsWith("/webjars/htmx.org/"))
			.anyMatch((link) -> link.startsWith("/js/account-"))
			.anyMatch((link) -> link.startsWith("/js/import-"))
			.allMatch((link) -> HASHED.matcher(link).matches());
		for (String link : links) {
			HttpResponse<String> asset = admin.get(link);
			assertThat(asset.statusCode()).as(link).isEqualTo(200);
			assertThat(asset.headers().firstValue("Cache-Control")).as(link).hasValue(A_YEAR);
			assertThat(asset.headers().allValues("Set-Cookie")).as(link).isEmpty();
		}
	}

	/** A 304 must not turn the year into a revalidation. */
	@Test
	void aHashedUrlKeepsItsYearOnA304() {
		PortalClient client = new PortalClient(this.port);
		String link = assetLinks(client.get("/login").body()).get(0);
		String lastModified = client.get(link).headers().firstValue("Last-Modified").orElseThrow();

		HttpResponse<String> again = client.get(link, "If-Modified-Since", lastModified);

		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.headers().firstValue("Cache-Control")).hasValue(A_YEAR);
	}

	/**
	 * As an old page would ask after an upgrade: those bytes are gone, and no year is
	 * promised.
	 */
	@Test
	void aHashOfOtherContentIsNotFound() {
		HttpResponse<String> answer = new PortalClient(this.port).get("/css/app-0123456789abcdef0123456789abcdef.css");

		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(answer.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((cache) -> assertThat(cache).doesNotContain("max-age=31536000", "immutable"));
	}

	/**
	 * What the rendered pages above do not reach: every template links its assets through
	 * Thymeleaf.
	 */
	@Test
	void everyTemplateLinksItsAssetsAsThymeleafLinks() throws IOException {
		for (Path template : SecurityHeadersTest.templates()) {
			List<Attribute> links = Jsoup.parse(Files.readString(template))
				.getAllElements()
				.stream()
				.flatMap((element) -> element.attributes().asList().stream())
				.filter((attribute) -> attribute.getKey().matches("(th:|data-th-)?(src|href)"))
				.toList();
			assertThat(links).as(template + ": plain asset links, which would go out without a hash")
				.filteredOn((link) -> !link.getKey().contains("th"))
				.noneMatch((link) -> ASSET.matcher(link.getValue()).matches());
			assertThat(links).as(template + ": asset links not written as @{...}")
				.filteredOn(
						(link) -> link.getKey().contains("th") && link.getValue().matches(".*/(css|js|img|webjars)/.*"))
				.allMatch((link) -> link.getValue().startsWith("@{/"));
		}
	}

	private static List<String> assetLinks(String page) {
		return Jsoup.parse(page)
			.select("link[href], script[src], img[src]")
			.stream()
			.map((element) -> element.hasAttr("src") ? element.attr("src") : element.attr("href"))
			.filter((link) -> ASSET.matcher(link).matches())
			.toList();
	}

}
