package io.podcomposer.manifest;

/**
 * A document that would grow past {@link ExpandedSize#MAX_CHARS} characters or
 * {@link ManifestReader#MAX_NODES} values once its aliases or placeholders are expanded;
 * the message names the limit. Refused before the expansion is built, and answered
 * {@code 413}. It is a parse problem too, so that every page which shows those shows
 * this.
 */
public class ManifestTooLargeException extends ManifestParseException {

	public ManifestTooLargeException(String message) {
		super(Kind.TOO_LARGE, "Document too large", message, 0, 0);
	}

}
