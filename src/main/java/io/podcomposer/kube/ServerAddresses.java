package io.podcomposer.kube;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Which addresses a cluster's API server may have. The portal sends a cluster's
 * credentials to its server and shows what it answers, so an address on the portal's own
 * host (loopback, {@code 0.0.0.0}) would let whoever adds a cluster probe the host's
 * private services; those are refused unless the operator allows them
 * ({@value #ALLOW_LOCAL}), as for a kind or k3s cluster on the same host. Link-local
 * addresses (169.254/16, fe80::/10) and the cloud metadata addresses are refused either
 * way: they are where clouds hand out the host's own credentials, and no cluster is
 * reached there. Every IPv4 spelling counts ({@code 2130706433}, {@code 0x7f.1},
 * {@code ::ffff:127.0.0.1}), and a name counts as what it resolves to, when it is added
 * and again on every connection, since DNS may change in between.
 */
public enum ServerAddresses {

	/**
	 * Addresses on the portal's own host are allowed; link-local and metadata ones are
	 * not.
	 */
	LOCAL_ALLOWED,

	/** Only addresses off the portal's host. */
	LOCAL_REFUSED;

	/** The operator's setting that allows servers on the portal's own host. */
	public static final String ALLOW_LOCAL = "podcomposer.clusters.allow-local-servers";

	/** Addresses of cloud metadata and credential services outside 169.254/16. */
	private static final List<InetAddress> METADATA = List.of(address(169, 254, 169, 254), address(100, 100, 100, 200),
			literal("fd00:ec2::254"), literal("fd00:ec2::23"));

	/**
	 * One part of an IPv4 address as {@code inet_aton} reads it: hex, octal or decimal.
	 */
	private static final Pattern IPV4_PART = Pattern.compile("0[xX][0-9a-fA-F]*|0[0-7]*|[1-9][0-9]*");

	public static ServerAddresses of(boolean allowLocal) {
		return allowLocal ? LOCAL_ALLOWED : LOCAL_REFUSED;
	}

	/**
	 * Why the server URL's host may not be called, resolving a name; empty when it may
	 * be. A name that does not resolve now passes: each connection checks it again.
	 */
	public Optional<String> refusal(String server) {
		String host = host(server);
		Optional<InetAddress> literal = parse(host);
		if (literal.isPresent()) {
			return refusal(host, literal.get());
		}
		try {
			return refusal(host, InetAddress.getAllByName(host));
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
	}

	private Optional<String> refusal(String host, InetAddress... addresses) {
		for (InetAddress address : addresses) {
			Optional<String> refusal = refusal(host, address);
			if (refusal.isPresent()) {
				return refusal;
			}
		}
		return Optional.empty();
	}

	private Optional<String> refusal(String host, InetAddress given) {
		InetAddress address = embeddedIpv4(given);
		String named = host.equalsIgnoreCase(address.getHostAddress()) ? host
				: host + " (" + address.getHostAddress() + ")";
		if (METADATA.contains(address)) {
			return Optional.of("The server " + named + " is a cloud metadata address, which hands out the host's own "
					+ "credentials; no cluster is reached there, so the portal never calls it.");
		}
		if (address.isLinkLocalAddress()) {
			return Optional.of("The server " + named + " is a link-local address, where clouds serve the host's "
					+ "metadata and credentials; the portal never calls it. Give the cluster's routable address.");
		}
		if (this == LOCAL_REFUSED && (address.isLoopbackAddress() || address.isAnyLocalAddress())) {
			return Optional.of("The server " + named + " is an address of the portal's own host, which the portal "
					+ "does not call unless the operator allows it with " + ALLOW_LOCAL
					+ "=true (PODCOMPOSER_CLUSTERS_ALLOW_LOCAL_SERVERS), as for a kind or k3s cluster on the "
					+ "same host.");
		}
		return Optional.empty();
	}

	/**
	 * The checks for an OkHttp client: names when they are resolved, for every
	 * connection, and addresses written as such (which OkHttp does not resolve) before
	 * each call.
	 */
	void guard(okhttp3.OkHttpClient.Builder client) {
		client.dns(this::lookup).addInterceptor(this::checkHost).followRedirects(false).followSslRedirects(false);
	}

	private List<InetAddress> lookup(String host) throws UnknownHostException {
		List<InetAddress> addresses = Dns.SYSTEM.lookup(host);
		Optional<String> refusal = refusal(host, addresses.toArray(InetAddress[]::new));
		if (refusal.isPresent()) {
			throw new RefusedServerException(refusal.get());
		}
		return addresses;
	}

	private Response checkHost(Interceptor.Chain chain) throws IOException {
		String host = chain.request().url().host();
		Optional<InetAddress> literal = parse(host);
		if (literal.isPresent()) {
			Optional<String> refusal = refusal(host, literal.get());
			if (refusal.isPresent()) {
				throw new RefusedServerException(refusal.get());
			}
		}
		return chain.proceed(chain.request());
	}

	/**
	 * The host of a server URL as the client reads it: an IPv6 address without brackets.
	 */
	static String host(String server) {
		HttpUrl url = HttpUrl.parse(server);
		if (url == null) {
			throw new IllegalArgumentException("The server is not an http or https URL.");
		}
		return url.host();
	}

	/**
	 * The address a host written as one stands for, in any IPv4 spelling
	 * {@code inet_aton} accepts (one to four parts, each decimal, octal or hex) or as
	 * IPv6; empty for a name.
	 */
	static Optional<InetAddress> parse(String host) {
		if (host.contains(":")) {
			return Optional.of(literal(host));
		}
		String[] parts = host.split("\\.", -1);
		if (parts.length > 4 || !Arrays.stream(parts).allMatch((part) -> IPV4_PART.matcher(part).matches())) {
			return Optional.empty();
		}
		long[] values = new long[parts.length];
		for (int i = 0; i < parts.length; i++) {
			String part = parts[i].toLowerCase(Locale.ROOT);
			try {
				values[i] = part.startsWith("0x") ? (part.length() == 2 ? 0 : Long.parseLong(part.substring(2), 16))
						: (part.length() > 1 && part.startsWith("0")) ? Long.parseLong(part.substring(1), 8)
								: Long.parseLong(part);
			}
			catch (NumberFormatException ex) {
				return Optional.empty();
			}
		}
		// the last part fills the bytes the others leave, as in 127.1 or 2130706433
		long last = values[parts.length - 1];
		int lastBytes = 5 - parts.length;
		if (last >= 1L << (8 * lastBytes)) {
			return Optional.empty();
		}
		long value = 0;
		for (int i = 0; i < parts.length - 1; i++) {
			if (values[i] > 255) {
				return Optional.empty();
			}
			value = (value << 8) | values[i];
		}
		value = (value << (8 * lastBytes)) | last;
		return Optional.of(address((int) (value >>> 24) & 0xff, (int) (value >>> 16) & 0xff, (int) (value >>> 8) & 0xff,
				(int) value & 0xff));
	}

	/**
	 * The IPv4 address inside an IPv4-mapped or IPv4-compatible IPv6 one; else the
	 * address itself.
	 */
	private static InetAddress embeddedIpv4(InetAddress address) {
		if (!(address instanceof Inet6Address)) {
			return address;
		}
		byte[] bytes = address.getAddress();
		for (int i = 0; i < 10; i++) {
			if (bytes[i] != 0) {
				return address;
			}
		}
		boolean mapped = bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
		boolean compatible = bytes[10] == 0 && bytes[11] == 0 && (bytes[12] | bytes[13] | bytes[14]) != 0;
		if (!mapped && !compatible) {
			return address;
		}
		return address(bytes[12] & 0xff, bytes[13] & 0xff, bytes[14] & 0xff, bytes[15] & 0xff);
	}

	private static InetAddress address(int a, int b, int c, int d) {
		try {
			return Inet4Address.getByAddress(new byte[] { (byte) a, (byte) b, (byte) c, (byte) d });
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An IPv6 address written as one: parsed, never looked up. */
	private static InetAddress literal(String ipv6) {
		try {
			// a colon makes InetAddress parse rather than resolve
			return InetAddress.getByName(ipv6.contains("%") ? ipv6.substring(0, ipv6.indexOf('%')) : ipv6);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("The address " + ipv6 + " is not an IPv6 address.");
		}
	}

	/**
	 * A server refused for its address; an {@link UnknownHostException} so that OkHttp
	 * gives up on it as on a name that does not resolve, before sending anything.
	 */
	static final class RefusedServerException extends UnknownHostException {

		RefusedServerException(String message) {
			super(message);
		}

	}

}
