package io.podcomposer.system;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.context.request.WebRequest;

import io.podcomposer.system.DomainException.Kind;

/**
 * Guards form binding against row indexes no page sends: the binder would grow a list to
 * any index it is sent, so {@code containers[99999999].name} would cost memory, not just
 * a row.
 */
public final class FormIndexes {

	/** Most rows any list of a form may have. */
	public static final int MAX_ROWS = 500;

	private static final Pattern INDEX = Pattern.compile("\\[([^\\]]*)]");

	private FormIndexes() {
	}

	/**
	 * Checks every parameter name of the request.
	 * @throws DomainException malformed for an index that is not a row number below
	 * {@link #MAX_ROWS}
	 */
	public static void check(WebRequest request) {
		request.getParameterMap().keySet().forEach(FormIndexes::checkName);
	}

	private static void checkName(String parameter) {
		Matcher index = INDEX.matcher(parameter);
		while (index.find()) {
			String digits = index.group(1);
			if (!digits.matches("\\d{1,3}") || Integer.parseInt(digits) >= MAX_ROWS) {
				throw new DomainException(Kind.MALFORMED,
						"form field " + parameter + " has an index that is not a row number below " + MAX_ROWS);
			}
		}
	}

}
