package io.podcomposer.manifest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.podcomposer.manifest.Placeholders.Parameter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PlaceholdersTest {

	private static final JsonNode POD = ManifestReader.readYaml("""
			apiVersion: v1
			kind: Pod
			metadata:
			  name: ${NAME}
			  labels:
			    ${KEY_NOT_SUBSTITUTED}: x
			spec:
			  containers:
			  - name: web
			    image: ${REGISTRY}/nginx:${IMAGE_TAG}
			    args: ["--greeting=$${NAME}", "--pid=$$", "$(HOME)/${NAME}", "${lower}", "$${}"]
			    env:
			    - name: LEVEL
			      value: ${LOG_LEVEL}
			    ports:
			    - containerPort: 8080
			""");

	@Test
	void findsTheNamesInOrderOfFirstUse() {
		assertThat(Placeholders.names(POD)).containsExactly("NAME", "REGISTRY", "IMAGE_TAG", "LOG_LEVEL");
	}

	@Test
	void doesNotCountEscapedPlaceholdersOrKeys() {
		JsonNode tree = ManifestReader.readYaml("""
				a: $${ESCAPED}
				${IN_KEY}: b
				c: [1, true, "${_UNDER_1}"]
				""");

		assertThat(Placeholders.names(tree)).containsExactly("_UNDER_1");
	}

	@Test
	void givenValuesWinOverDefaultsAndDefaultsFillTheRest() {
		List<Parameter> parameters = List.of(new Parameter("IMAGE_TAG", "nginx version", "1.27", false),
				new Parameter("REGISTRY", null, "docker.io", true), new Parameter("NAME", null, null, true),
				new Parameter("LOG_LEVEL", null, "info", false));

		JsonNode result = Placeholders.substitute(POD, parameters, Map.of("IMAGE_TAG", "1.29", "NAME", "web"));

		JsonNode container = result.path("spec").path("containers").get(0);
		assertThat(result.path("metadata").path("name").asString()).isEqualTo("web");
		assertThat(container.path("image").asString()).isEqualTo("docker.io/nginx:1.29");
		assertThat(container.path("env").get(0).path("value").asString()).isEqualTo("info");
		assertThat(container.path("ports").get(0).path("containerPort").intValue()).isEqualTo(8080);
	}

	@Test
	void unescapesAndLeavesOtherDollarsAlone() {
		JsonNode result = Placeholders.substitute(POD, List.of(), Map.of("NAME", "web"));

		assertThat(result.path("spec").path("containers").get(0).path("args").values()).map(JsonNode::asString)
			.containsExactly("--greeting=${NAME}", "--pid=$$", "$(HOME)/web", "${lower}", "$${}");
	}

	@Test
	void leavesPlaceholdersWithoutAValueAsTheyAre() {
		JsonNode result = Placeholders.substitute(POD, List.of(new Parameter("LOG_LEVEL", "optional", null, false)),
				Map.of("NAME", "web"));

		assertThat(result.path("spec").path("containers").get(0).path("image").asString())
			.isEqualTo("${REGISTRY}/nginx:${IMAGE_TAG}");
		assertThat(result.path("spec").path("containers").get(0).path("env").get(0).path("value").asString())
			.isEqualTo("${LOG_LEVEL}");
	}

	@Test
	void namesEveryMissingRequiredValue() {
		List<Parameter> parameters = List.of(new Parameter("REGISTRY", null, null, true),
				new Parameter("IMAGE_TAG", null, "1.27", true), new Parameter("NAME", null, null, true));
		Map<String, String> values = new HashMap<>();
		values.put("NAME", null);

		assertThatExceptionOfType(MissingValuesException.class)
			.isThrownBy(() -> Placeholders.substitute(POD, parameters, values))
			.withMessage("missing required values: REGISTRY, NAME")
			.satisfies((ex) -> assertThat(ex.names()).containsExactly("REGISTRY", "NAME"));
	}

	@Test
	void anEmptyValueIsAValue() {
		JsonNode result = Placeholders.substitute(POD, List.of(new Parameter("IMAGE_TAG", null, null, true)),
				Map.of("IMAGE_TAG", ""));

		assertThat(result.path("spec").path("containers").get(0).path("image").asString())
			.isEqualTo("${REGISTRY}/nginx:");
	}

	@Test
	void aValueStaysOneStringWhateverItHolds() {
		String sneaky = "x\nkind: Secret\n  - ${NAME}: {a: 1}";

		JsonNode result = Placeholders.substitute(POD, List.of(), Map.of("LOG_LEVEL", sneaky, "NAME", "$1\\"));

		JsonNode env = result.path("spec").path("containers").get(0).path("env").get(0);
		assertThat(env.path("value").isString()).isTrue();
		assertThat(env.path("value").asString()).isEqualTo(sneaky);
		assertThat(result.path("kind").asString()).isEqualTo("Pod");
		assertThat(result.path("metadata").path("name").asString()).isEqualTo("$1\\");
		JsonNode reread = ManifestReader.readYaml(ManifestWriter.toYaml(result));
		assertThat(reread).isEqualTo(result);
	}

	@Test
	void substitutesOnlyValuesAndLeavesTheInputUnchanged() {
		JsonNode before = POD.deepCopy();

		JsonNode result = Placeholders.substitute(POD, List.of(), Map.of("KEY_NOT_SUBSTITUTED", "k", "NAME", "web"));

		assertThat(result.path("metadata").path("labels").has("${KEY_NOT_SUBSTITUTED}")).isTrue();
		assertThat(POD).isEqualTo(before);
	}

	@Test
	void knowsWhatAPlaceholderNameLooksLike() {
		assertThat(Placeholders.isName("IMAGE_TAG")).isTrue();
		assertThat(Placeholders.isName("_X1")).isTrue();
		assertThat(Placeholders.isName("1X")).isFalse();
		assertThat(Placeholders.isName("image-tag")).isFalse();
		assertThat(Placeholders.isName("")).isFalse();
		assertThat(Placeholders.isName(null)).isFalse();
	}

}
