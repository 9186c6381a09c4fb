package io.podcomposer.system;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the layout which part of the portal a page belongs to, for the top bar: none for
 * a path outside them. An error page belongs where the request that failed went, not to
 * its own /error.
 */
@ControllerAdvice(annotations = Controller.class)
class NavigationAdvice {

	@ModelAttribute("navSection")
	String navSection(HttpServletRequest request) {
		Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = (request.getDispatcherType() == DispatcherType.ERROR && failed instanceof String uri) ? uri
				: request.getRequestURI();
		if (path.startsWith("/admin")) {
			return "admin";
		}
		if (path.startsWith("/deployments")) {
			return "deployments";
		}
		if (path.startsWith("/templates")) {
			return "templates";
		}
		if (path.startsWith("/clusters")) {
			return "clusters";
		}
		if (path.startsWith("/profile")) {
			return "profile";
		}
		if (path.equals("/") || path.equals("/compose") || path.startsWith("/compose/")) {
			return "compose";
		}
		return "";
	}

}
