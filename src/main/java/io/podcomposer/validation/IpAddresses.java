package io.podcomposer.validation;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * IP addresses as the API server takes them in the pod's older fields
 * ({@code hostAliases[].ip}, {@code dnsConfig.nameservers}), with its strict IP
 * validation (the {@code StrictIPCIDRValidation} gate, on by default): an IPv4 address in
 * dotted decimal without leading zeros, or an IPv6 address that is no IPv4-mapped one,
 * without a zone. Only literals are parsed, never looked up.
 */
final class IpAddresses {

	private static final String INVALID = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";

	private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

	private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

	private IpAddresses() {
	}

	/**
	 * What is wrong with the address, in upstream's words; empty when it is a valid one.
	 */
	static List<String> problems(String text) {
		if (IPV4.matcher(text).matches()) {
			boolean leadingZero = false;
			for (String part : text.split("\\.")) {
				if (Integer.parseInt(part) > 255) {
					return List.of(INVALID);
				}
				leadingZero |= part.length() > 1 && part.startsWith("0");
			}
			return leadingZero ? List.of("must not have leading 0s") : List.of();
		}
		if (!IPV6_CHARACTERS.matcher(text).matches()) {
			return List.of(INVALID);
		}
		try {
			// a text with a colon is read as an IPv6 literal, never looked up; Java gives
			// an
			// IPv4-mapped one back as the IPv4 address
			InetAddress address = InetAddress.getByName(text);
			return (address instanceof Inet4Address) ? List.of("must not be an IPv4-mapped IPv6 address") : List.of();
		}
		catch (UnknownHostException ex) {
			return List.of(INVALID);
		}
	}

}
