package io.podcomposer.manifest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MimeTypeUtils;

import static io.podcomposer.manifest.DocumentBody.TEXT_YAML;
import static io.podcomposer.manifest.DocumentBody.X_YAML;
import static io.podcomposer.manifest.DocumentBody.YAML;

/**
 * A rendered manifest as an API answer, the same for every endpoint that renders: YAML
 * unless the client accepts only JSON, and a conversion's notes as {@code Warning}
 * headers.
 */
public final class ManifestAnswer {

	/** What the answer can be, YAML first as the default. */
	private static final List<MediaType> OFFERED = List.of(MediaType.parseMediaType(YAML),
			MediaType.parseMediaType(X_YAML), MediaType.parseMediaType(TEXT_YAML), MediaType.APPLICATION_JSON);

	private ManifestAnswer() {
	}

	/** The answer of a render, as the request's {@code Accept} prefers. */
	public static ResponseEntity<String> of(KindConversion.Result result, HttpServletRequest request) {
		MediaType type = answerType(request);
		String body = MediaType.APPLICATION_JSON.equals(type) ? ManifestWriter.toJson(result.manifest().root())
				: ManifestWriter.toYaml(result.manifest().root());
		ResponseEntity.BodyBuilder response = ResponseEntity.ok()
			.contentType(new MediaType(type, StandardCharsets.UTF_8));
		// the Kubernetes API tells of such changes the same way
		result.notes().forEach((note) -> response.header("Warning", "299 - \"" + quoted(note) + "\""));
		return response.body(body);
	}

	/**
	 * The kind of a {@code kind=} query parameter; null when it is absent.
	 * @throws UnsupportedManifestException when it names no supported kind
	 */
	public static WorkloadKind targetKind(String kind) {
		if (kind == null || kind.isBlank()) {
			return null;
		}
		return WorkloadKind.fromKindName(kind)
			.orElseThrow(() -> new UnsupportedManifestException("kind \"" + kind
					+ "\" is not supported for conversion; supported kinds are " + Manifest.supportedKinds()));
	}

	/**
	 * The offered type the client prefers, YAML unless it accepts only JSON; Spring has
	 * already answered 406 when there is none.
	 */
	public static MediaType answerType(HttpServletRequest request) {
		List<MediaType> accepted = new ArrayList<>(
				MediaType.parseMediaTypes(Collections.list(request.getHeaders(HttpHeaders.ACCEPT))));
		MimeTypeUtils.sortBySpecificity(accepted);
		for (MediaType range : accepted) {
			for (MediaType offered : OFFERED) {
				if (range.includes(offered)) {
					return offered;
				}
			}
		}
		return OFFERED.get(0);
	}

	/**
	 * A note as a quoted-string: names in it come from the user's manifest. A header
	 * carries only printable ASCII (the server drops it otherwise), so anything else
	 * becomes "?".
	 */
	private static String quoted(String note) {
		return note.replaceAll("[^\\x20-\\x7E]", "?").replace("\\", "\\\\").replace("\"", "\\\"");
	}

}
