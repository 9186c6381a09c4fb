package io.podcomposer.system;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/**
 * The same URL serves the full page and, for htmx, the piece of it that a request swaps.
 */
public final class HtmxFragments {

	private HtmxFragments() {
	}

	/**
	 * Whether to answer with the piece. A history restore asks for the whole page, though
	 * it also says {@code HX-Request}.
	 */
	public static boolean wanted(HtmxRequest request) {
		return request.isHtmxRequest() && !request.isHistoryRestoreRequest();
	}

}
