package io.podcomposer.system;

import java.io.UnsupportedEncodingException;

import io.podcomposer.TestAdmin;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /actuator/prometheus} read as a scraper reads it, with a token. */
public final class Prometheus {

	private Prometheus() {
	}

	/** The text a scraper gets. */
	public static String scrape(MockMvcTester mvc) {
		MvcTestResult scraped = mvc.get()
			.uri("/actuator/prometheus")
			.header(HttpHeaders.AUTHORIZATION, TestAdmin.BEARER)
			.exchange();
		assertThat(scraped).hasStatusOk();
		try {
			return scraped.getResponse().getContentAsString();
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A sample's value, such as {@code podcomposer_deploys_total{result="Failed"}}; 0
	 * when absent.
	 */
	public static double value(String scraped, String sample) {
		return scraped.lines()
			.filter((line) -> line.startsWith(sample + " "))
			.map((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.findFirst()
			.orElse(0.0);
	}

}
