package io.podcomposer.system;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What Tomcat answers itself, for a request it refuses before any filter sees it (a path
 * with {@code %ff}, which is no UTF-8): a problem with the API's security headers,
 * instead of Tomcat's HTML report. Errors of requests that reached the portal are
 * answered by the portal.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		HttpStatus known = HttpStatus.resolve(status);
		try {
			response.resetBuffer();
			ProblemResponses.writeBeforeSecurity(request, response, (known != null) ? known : HttpStatus.BAD_REQUEST,
					(known != null) ? known.getReasonPhrase() : "Error",
					"The server could not take this request as it was sent.");
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the answer has begun: nothing more to tell
		}
	}

	/** Puts the valve in place of Tomcat's own. */
	@Component
	static class Installer implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

		@Override
		public void customize(ConfigurableTomcatWebServerFactory factory) {
			factory.addContextCustomizers((context) -> {
				if (context.getParent() instanceof StandardHost host) {
					host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
				}
			});
		}

	}

}
