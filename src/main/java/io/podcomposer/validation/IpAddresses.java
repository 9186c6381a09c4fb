package io.podcomposer.validation;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * IP addresses as the API server takes them in the pod's older fields ({@code hostAliases[].ip},
 * {@code dnsConfig.nameservers}): an IPv4 address in dotted decimal (leading zeros allowed there)
 * or an IPv6 address, without a zone. Only literals are parsed, never looked up.
 */
final class IpAddresses {

	static final String INVALID = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";

	private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

	private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

	private IpAddresses() {
	}

	static boolean isValid(String text) {
		if (IPV4.matcher(text).matches()) {
			for (String part : text.split("\\.")) {
				if (Integer.parseInt(part) > 255) {
					return false;
				}
			}
			return true;
		}
		if (!IPV6_CHARACTERS.matcher(text).matches()) {
			return false;
		}
		try {
			// a text with a colon is read as an IPv6 literal, never looked up
			InetAddress.getByName(text);
			return true;
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
