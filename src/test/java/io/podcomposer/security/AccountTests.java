package io.podcomposer.security;

import java.io.UnsupportedEncodingException;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the account tests share: names no other test uses, and answers read as JSON. */
final class AccountTests {

	private static final AtomicInteger NEXT = new AtomicInteger();

	private AccountTests() {
	}

	/** A user name of its own: the test database lives for the whole run. */
	static String unique(String prefix) {
		return prefix + "-" + Long.toString(System.nanoTime(), 36) + NEXT.incrementAndGet();
	}

	static JsonNode json(MvcTestResult result) {
		try {
			return JsonMapper.shared().readTree(result.getResponse().getContentAsString());
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String bearer(String token) {
		return "Bearer " + token;
	}

}
