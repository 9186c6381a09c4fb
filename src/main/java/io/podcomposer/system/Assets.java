package io.podcomposer.system;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Assets under content-hashed URLs, cached for a year by the browser (Boot's resource
 * chain with its content strategy names them; see application.properties). Pages link
 * them by those URLs ({@link AssetLinks}), and the URL decides how long a browser keeps
 * the answer ({@link AssetCaching}).
 */
@Configuration(proxyBeanMethods = false)
class Assets implements WebMvcConfigurer {

	/**
	 * Spring MVC's own, made by the configuration that reads this one: asked for once
	 * that is done.
	 */
	private final ObjectProvider<ResourceUrlProvider> urls;

	Assets(ObjectProvider<ResourceUrlProvider> urls) {
		this.urls = urls;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new AssetCaching(this.urls.getObject())).addPathPatterns(AssetPaths.PATTERNS);
	}

	/**
	 * Last of the filters: Spring Security's DisableEncodeUrlFilter answers encodeURL
	 * itself, so links must meet this one first.
	 */
	@Bean
	FilterRegistrationBean<AssetLinks> assetLinks(ResourceUrlProvider urls) {
		FilterRegistrationBean<AssetLinks> registration = new FilterRegistrationBean<>(new AssetLinks(urls));
		registration.setOrder(Ordered.LOWEST_PRECEDENCE);
		return registration;
	}

	/**
	 * Stands in for Boot's filter, and is never registered. That filter passes every link
	 * a page writes through the resource resolvers, which look each one up on the class
	 * path: on a library page of 20 templates and their tag links that was most of the
	 * page's time (issue 8).
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilterOff() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

}
