package io.podcomposer.system;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Page links stay as written. Boot would add a filter that passes every link a page writes
 * through the static-resource resolvers, which look each one up on the class path: on a library
 * page of 20 templates and their tag links that was most of the page's time. Nothing here needs
 * it: no static file has a versioned name, and the WebJar resolver finds version-less paths when
 * they are requested.
 */
@Configuration(proxyBeanMethods = false)
class StaticLinks {

	/** Stands in for Boot's filter, and is never registered. */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilterOff() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

}
