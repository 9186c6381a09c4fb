package io.podcomposer.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;

/**
 * Problem details written straight to the response, by the filters that answer before
 * Spring MVC does: the body limit, the security chains and the firewall.
 */
public final class ProblemResponses {

	/**
	 * The API's content security policy: it serves no document that may load anything.
	 */
	public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

	/**
	 * What the API's security chain adds to each answer, for answers given before it
	 * runs.
	 */
	private static final List<HeaderWriter> API_HEADERS = List.of(new XContentTypeOptionsHeaderWriter(),
			new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY), new CacheControlHeadersWriter(),
			new ContentSecurityPolicyHeaderWriter(API_POLICY),
			new ReferrerPolicyHeaderWriter(ReferrerPolicy.NO_REFERRER), new HstsHeaderWriter());

	private ProblemResponses() {
	}

	/** A problem with the status's own title. */
	public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		write(request, response, status, status.getReasonPhrase(), detail);
	}

	public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
			String detail) throws IOException {
		ObjectNode problem = JsonMapper.shared().createObjectNode();
		problem.put("type", "about:blank");
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		// JSON is UTF-8 by definition: no charset parameter, as the handlers' problems
		// have none
		byte[] body = problem.toString().getBytes(StandardCharsets.UTF_8);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	/**
	 * A problem answered before the security chains run, with the headers they would have
	 * added.
	 */
	public static void writeBeforeSecurity(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String title, String detail) throws IOException {
		API_HEADERS.forEach((header) -> header.writeHeaders(request, response));
		write(request, response, status, title, detail);
	}

}
