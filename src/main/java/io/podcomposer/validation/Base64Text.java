package io.podcomposer.validation;

/**
 * Base64 as Go's {@code encoding/json} reads a {@code []byte} field ({@code Secret.data},
 * {@code ConfigMap.binaryData}): the standard alphabet with {@code =} padding to a
 * multiple of four, line breaks ignored. A text holding a {@code ${NAME}} placeholder is
 * left alone: its value comes later.
 */
final class Base64Text {

	private Base64Text() {
	}

	/**
	 * Where Go's decoder stops, as its {@code illegal base64 data at input byte N}
	 * counts; -1 when fine.
	 */
	static int firstBadByte(String text) {
		if (text.contains("${")) {
			return -1;
		}
		int quantum = 0;
		int quantumStart = 0;
		int padding = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\r' || c == '\n') {
				continue;
			}
			if (quantum == 0) {
				quantumStart = i;
			}
			if (c == '=') {
				// padding only in the last two places of the last quantum
				if (quantum < 2) {
					return i;
				}
				padding++;
			}
			else if (padding > 0 || !isAlphabet(c)) {
				return i;
			}
			quantum = (quantum + 1) % 4;
			if (quantum == 0 && padding > 0 && hasMore(text, i + 1)) {
				return i + 1;
			}
		}
		return (quantum == 0) ? -1 : quantumStart;
	}

	private static boolean hasMore(String text, int from) {
		for (int i = from; i < text.length(); i++) {
			if (text.charAt(i) != '\r' && text.charAt(i) != '\n') {
				return true;
			}
		}
		return false;
	}

	private static boolean isAlphabet(char c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
	}

}
