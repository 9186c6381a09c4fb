package io.podcomposer.templates;

import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletResponse;

import io.podcomposer.security.AccountService;
import io.podcomposer.security.Role;
import io.podcomposer.security.TestAccounts;

/**
 * What the template tests share: users with a token, unique names, a pod, answers read as
 * JSON.
 */
final class TemplateTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private TemplateTests() {
	}

	/** The Authorization header of a new user with {@code role}. */
	static String bearer(AccountService accounts, Role role) {
		String name = TestAccounts.create(accounts, "tpl-" + role.name().toLowerCase(), role);
		return "Bearer " + accounts.createToken(name, "templates").token();
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static JsonNode json(MockHttpServletResponse response) throws Exception {
		return JSON.readTree(response.getContentAsString());
	}

	/** A Pod with one container, as YAML. */
	static String pod(String name) {
		return """
				apiVersion: v1
				kind: Pod
				metadata:
				  name: %s
				spec:
				  containers:
				  - name: web
				    image: nginx:1.27
				""".formatted(name);
	}

}
