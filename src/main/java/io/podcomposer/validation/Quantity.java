package io.podcomposer.validation;

import java.math.BigDecimal;

/**
 * A resource quantity as the API server reads one (k8s.io/apimachinery
 * resource.Quantity): a signed decimal number, then a suffix that is binary ({@code Ki}
 * to {@code Ei}), decimal SI ({@code n}, {@code u}, {@code m}, none, {@code k}, {@code M}
 * to {@code E}) or a decimal exponent ({@code e3}, {@code E-2}). {@code 500m},
 * {@code 1.5}, {@code 128Mi}, {@code 1e3} and {@code 2G} are quantities; the value is
 * exact, so {@code 1} and {@code 1000m} compare equal. A text that is none has no value
 * and the API server's error instead.
 */
record Quantity(String text, BigDecimal value, String error) {

	static final String FORMAT_ERROR = "quantities must match the regular expression "
			+ "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

	static final String SUFFIX_ERROR = "unable to parse quantity's suffix";

	static final String NUMBER_ERROR = "unable to parse numeric part of quantity";

	private static final String SUFFIX_CHARACTERS = "eEinumkKMGTP";

	/**
	 * From 10^-9 to 10^18 in steps of 10^3; the blank stands for no suffix and never
	 * matches.
	 */
	private static final String DECIMAL_SUFFIXES = "num kMGTPE";

	private static final BigDecimal KIBI = BigDecimal.valueOf(1024);

	static Quantity parse(String text) {
		int end = text.length();
		int i = 0;
		if (i < end && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
			i++;
		}
		int digits = 0;
		for (; i < end && isDigit(text.charAt(i)); i++) {
			digits++;
		}
		if (i < end && text.charAt(i) == '.') {
			for (i++; i < end && isDigit(text.charAt(i)); i++) {
				digits++;
			}
		}
		int suffixStart = i;
		while (i < end && SUFFIX_CHARACTERS.indexOf(text.charAt(i)) >= 0) {
			i++;
		}
		if (i < end && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
			i++;
		}
		while (i < end && isDigit(text.charAt(i))) {
			i++;
		}
		if (end == 0 || i < end) {
			return new Quantity(text, null, FORMAT_ERROR);
		}
		String suffix = text.substring(suffixStart);
		Integer exponent = decimalExponent(suffix);
		int binaryPower = "KiMiGiTiPiEi".indexOf(suffix);
		if (exponent == null && (suffix.length() != 2 || binaryPower % 2 != 0)) {
			return new Quantity(text, null, SUFFIX_ERROR);
		}
		if (digits == 0) {
			return new Quantity(text, null, NUMBER_ERROR);
		}
		BigDecimal number = new BigDecimal(text.substring(0, suffixStart));
		BigDecimal value = (exponent != null) ? number.scaleByPowerOfTen(exponent)
				: number.multiply(KIBI.pow(binaryPower / 2 + 1));
		return new Quantity(text, value, null);
	}

	/**
	 * The power of ten of a decimal SI suffix or an exponent; null for a binary or
	 * unknown suffix.
	 */
	private static Integer decimalExponent(String suffix) {
		if (suffix.isEmpty()) {
			return 0;
		}
		if (suffix.length() == 1 && DECIMAL_SUFFIXES.indexOf(suffix.charAt(0)) >= 0) {
			return (DECIMAL_SUFFIXES.indexOf(suffix.charAt(0)) - 3) * 3;
		}
		if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
			try {
				return Integer.parseInt(suffix.substring(1));
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
