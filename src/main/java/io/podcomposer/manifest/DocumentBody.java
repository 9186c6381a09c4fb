package io.podcomposer.manifest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;

import io.podcomposer.system.RequestBodyLimit;

/**
 * A request body that holds one YAML or JSON document, as the render and validate
 * endpoints take it: at most 1 MiB, UTF-8, read by the hardened reader as its
 * Content-Type says. The media types are here so that each endpoint declares the same
 * ones.
 */
public final class DocumentBody {

	public static final String YAML = "application/yaml";

	public static final String X_YAML = "application/x-yaml";

	public static final String TEXT_YAML = "text/yaml";

	public static final String JSON = "application/json";

	private DocumentBody() {
	}

	/**
	 * The parsed document.
	 * @throws RequestBodyLimit.BodyTooLargeException when the body is over the limit
	 * @throws ManifestParseException when it is not UTF-8 text or not one well-formed
	 * document
	 */
	public static JsonNode read(HttpServletRequest request) throws IOException {
		String text = utf8(RequestBodyLimit.read(request));
		return isJson(request) ? ManifestReader.readJson(text) : ManifestReader.readYaml(text);
	}

	/**
	 * The parsed documents of a body that may hold several: one JSON document, or every
	 * document of a YAML stream (see {@link ManifestReader#readYamlDocuments}).
	 * @throws RequestBodyLimit.BodyTooLargeException when the body is over the limit
	 * @throws ManifestParseException when it is not UTF-8 text or a document is malformed
	 */
	public static List<JsonNode> readDocuments(HttpServletRequest request) throws IOException {
		String text = utf8(RequestBodyLimit.read(request));
		return isJson(request) ? List.of(ManifestReader.readJson(text)) : ManifestReader.readYamlDocuments(text);
	}

	/**
	 * Bytes as UTF-8 text, strictly: a lenient decoder would turn binary into replacement
	 * characters, which YAML reads as text.
	 * @throws ManifestParseException when they are not UTF-8
	 */
	public static String utf8(byte[] body) {
		try {
			return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
		}
		catch (CharacterCodingException ex) {
			throw new ManifestParseException("the body is not UTF-8 text", 0, 0);
		}
	}

	private static boolean isJson(HttpServletRequest request) {
		return MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(request.getContentType()));
	}

}
