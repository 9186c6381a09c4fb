package io.podcomposer.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Page links to an asset ({@code @{/css/app.css}}) come out as its content-hashed URL;
 * every other link is left as written without a look-up. Links reach this through
 * {@link HttpServletResponse#encodeURL}, as Thymeleaf writes them.
 */
final class AssetLinks extends OncePerRequestFilter {

	private final ResourceUrlProvider urls;

	AssetLinks(ResourceUrlProvider urls) {
		this.urls = urls;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, new HttpServletResponseWrapper(response) {

			@Override
			public String encodeURL(String url) {
				return super.encodeURL(hashed(request.getContextPath(), url));
			}

		});
	}

	/** The error page links the assets too. */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	private String hashed(String contextPath, String url) {
		if (!url.startsWith(contextPath) || !AssetPaths.isAsset(url.substring(contextPath.length()))) {
			return url;
		}
		// the resource chain works the hash out once per asset and keeps it
		String hashed = this.urls.getForLookupPath(url.substring(contextPath.length()));
		return (hashed != null) ? contextPath + hashed : url;
	}

}
