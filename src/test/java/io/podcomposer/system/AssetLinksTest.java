package io.podcomposer.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.VersionResourceResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Page links through {@link AssetLinks}, over a resource chain like Boot's: one handler
 * for {@code /**}, which every link matches, with the content strategy.
 */
class AssetLinksTest {

	@TempDir
	Path folder;

	@Test
	void anAssetLinkNamesItsContentAndOtherLinksAreNotLookedUp() throws Exception {
		write("css/app.css", "body { color: black; }");
		CountingResolver lookUps = new CountingResolver();

		List<String> links = write(urls(lookUps), "/css/app.css", "/templates?tag=team-payments", "/compose",
				"/templates/12/deploy");

		assertThat(links.get(0)).matches("/css/app-[0-9a-f]{32}\\.css");
		assertThat(links.subList(1, links.size())).containsExactly("/templates?tag=team-payments", "/compose",
				"/templates/12/deploy");
		assertThat(lookUps.count).as("look-ups in the resource chain").isEqualTo(1);
	}

	@Test
	void aChangedFileGetsAnotherUrl() throws Exception {
		write("css/app.css", "body { color: black; }");
		String before = write(urls(new CountingResolver()), "/css/app.css").get(0);

		write("css/app.css", "body { color: navy; }");
		String after = write(urls(new CountingResolver()), "/css/app.css").get(0);

		assertThat(after).matches("/css/app-[0-9a-f]{32}\\.css").isNotEqualTo(before);
	}

	@Test
	void aLinkToAMissingAssetStaysAsWritten() throws Exception {
		assertThat(write(urls(new CountingResolver()), "/js/gone.js")).containsExactly("/js/gone.js");
	}

	/** The links a page writes, as they come out of the filter. */
	private static List<String> write(ResourceUrlProvider urls, String... links) throws IOException, ServletException {
		List<String> written = new ArrayList<>();
		new AssetLinks(urls).doFilter(new MockHttpServletRequest("GET", "/compose"), new MockHttpServletResponse(),
				(request, response) -> {
					for (String link : links) {
						written.add(((HttpServletResponse) response).encodeURL(link));
					}
				});
		return written;
	}

	private ResourceUrlProvider urls(CountingResolver lookUps) throws Exception {
		ResourceHttpRequestHandler handler = new ResourceHttpRequestHandler();
		handler.setLocations(List.of(new FileSystemResource(this.folder.toString() + "/")));
		handler.setResourceResolvers(List.of(lookUps, new VersionResourceResolver().addContentVersionStrategy("/**"),
				new PathResourceResolver()));
		handler.afterPropertiesSet();
		ResourceUrlProvider urls = new ResourceUrlProvider();
		urls.setHandlerMap(Map.of("/**", handler));
		return urls;
	}

	private void write(String path, String text) throws IOException {
		Path file = this.folder.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
	}

	/** Counts the link look-ups that reach the chain, and passes them on. */
	private static final class CountingResolver extends AbstractResourceResolver {

		private int count;

		@Override
		protected Resource resolveResourceInternal(HttpServletRequest request, String requestPath,
				List<? extends Resource> locations, ResourceResolverChain chain) {
			return chain.resolveResource(request, requestPath, locations);
		}

		@Override
		protected String resolveUrlPathInternal(String resourceUrlPath, List<? extends Resource> locations,
				ResourceResolverChain chain) {
			this.count++;
			return chain.resolveUrlPath(resourceUrlPath, locations);
		}

	}

}
