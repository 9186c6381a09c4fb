package io.podcomposer.system;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.resource.ContentVersionStrategy;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.VersionStrategy;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * A year of caching for an asset asked for by the content-hashed URL that pages link:
 * that URL names these bytes alone. Any other asset URL (the plain name, as an old page
 * or a bookmark has it) is asked again on each use and costs a 304 while unchanged, so it
 * never pins a stale script. Set before the resource handler runs, so that its 304s carry
 * it too.
 */
final class AssetCaching implements HandlerInterceptor {

	private static final String HASHED = CacheControl.maxAge(Duration.ofDays(365))
		.cachePublic()
		.immutable()
		.getHeaderValue();

	private static final String PLAIN = CacheControl.noCache().getHeaderValue();

	/**
	 * The strategy Boot's resource chain names the assets with
	 * (spring.web.resources.chain.strategy.content).
	 */
	private final VersionStrategy versions = new ContentVersionStrategy();

	private final ResourceUrlProvider urls;

	AssetCaching(ResourceUrlProvider urls) {
		this.urls = urls;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		boolean hashed = isCurrentHashedUrl(ServletRequestPathUtils.getCachedPathValue(request));
		response.setHeader(HttpHeaders.CACHE_CONTROL, hashed ? HASHED : PLAIN);
		return true;
	}

	/**
	 * Whether the path is the one pages link for the asset today (the chain keeps each
	 * asset's hash).
	 */
	private boolean isCurrentHashedUrl(String path) {
		String version = this.versions.extractVersion(path);
		return version != null && path.equals(this.urls.getForLookupPath(this.versions.removeVersion(path, version)));
	}

}
