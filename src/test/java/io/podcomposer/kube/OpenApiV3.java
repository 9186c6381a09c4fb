package io.podcomposer.kube;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI v3 documents of the fake, as far as kubectl reads them: {@code /openapi/v3}
 * names one document a group version under a URL with its content's hash, and each
 * document has the PATCH of every kind the fake applies, with the {@code fieldValidation}
 * parameter. That parameter is how kubectl learns that the server validates fields
 * itself, so it validates nothing on its side and sends {@code fieldValidation=Strict};
 * without it, kubectl refuses to apply.
 */
final class OpenApiV3 {

	static final String ROOT = "/openapi/v3";

	/**
	 * Each group version's document as the bytes served, by path below the root
	 * ({@code api/v1}, {@code apis/apps/v1}).
	 */
	private static final Map<String, byte[]> DOCUMENTS = documents();

	private OpenApiV3() {
	}

	/** The root's list of documents, each at its URL with the hash of its content. */
	static ObjectNode discovery() {
		ObjectNode root = JsonNodeFactory.instance.objectNode();
		ObjectNode paths = root.putObject("paths");
		DOCUMENTS.forEach((path, document) -> paths.putObject(path)
			.put("serverRelativeURL", ROOT + "/" + path + "?hash=" + hash(document)));
		return root;
	}

	/**
	 * A group version's document, by its path below the root; empty when there is none.
	 */
	static Optional<byte[]> document(String path) {
		return Optional.ofNullable(DOCUMENTS.get(path));
	}

	/**
	 * The hash in a document's URL, which is also its entity tag: SHA-512 of its content,
	 * as the API server makes it.
	 */
	static String hash(byte[] document) {
		try {
			return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-512").digest(document));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, byte[]> documents() {
		Map<String, ObjectNode> documents = new LinkedHashMap<>();
		for (ResourceType type : ResourceType.ALL) {
			if (!type.equals(ResourceType.PODS) && !type.isWorkload()) {
				continue;
			}
			String prefix = type.group().isEmpty() ? "api/v1" : "apis/" + type.apiVersion();
			ObjectNode document = documents.computeIfAbsent(prefix, path -> {
				ObjectNode created = JsonNodeFactory.instance.objectNode().put("openapi", "3.0.0");
				created.putObject("info").put("title", "Kubernetes").put("version", FakeKubernetes.GIT_VERSION);
				created.putObject("paths");
				return created;
			});
			ObjectNode patch = document.withObject("/paths")
				.putObject("/" + prefix + "/namespaces/{namespace}/" + type.plural() + "/{name}")
				.putObject("patch")
				.put("operationId", "patch" + type.kind())
				.put("x-kubernetes-action", "patch");
			patch.putObject("x-kubernetes-group-version-kind")
				.put("group", type.group())
				.put("version", type.version())
				.put("kind", type.kind());
			ArrayNode parameters = patch.putArray("parameters");
			for (String name : new String[] { "dryRun", "fieldManager", "fieldValidation" }) {
				parameters.addObject().put("name", name).put("in", "query").putObject("schema").put("type", "string");
			}
			parameters.addObject().put("name", "force").put("in", "query").putObject("schema").put("type", "boolean");
			patch.putObject("responses").putObject("200").put("description", "OK");
		}
		Map<String, byte[]> bytes = new LinkedHashMap<>();
		documents.forEach((path, document) -> bytes.put(path,
				JsonMapper.shared().writeValueAsString(document).getBytes(StandardCharsets.UTF_8)));
		return Collections.unmodifiableMap(bytes);
	}

}
