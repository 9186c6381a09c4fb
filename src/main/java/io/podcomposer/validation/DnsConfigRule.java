package io.podcomposer.validation;

import java.util.ArrayList;
import java.util.List;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import tools.jackson.databind.JsonNode;

/**
 * {@code dns-config}: the pod's {@code dnsConfig}, within the limits of the node's
 * resolver.
 * <ul>
 * <li>with {@code dnsPolicy: None} it is required, with at least one of
 * {@code nameservers};</li>
 * <li>at most 3 {@code nameservers}, each an IP address;</li>
 * <li>at most 32 {@code searches}, 2048 characters together (with a space between each),
 * each a DNS subdomain (a trailing dot allowed);</li>
 * <li>each of {@code options} has a {@code name}.</li>
 * </ul>
 * Lists that are too long are shown as Go writes a {@code []string}, as upstream does.
 */
final class DnsConfigRule extends ApiServerRule {

	private static final int MAX_NAMESERVERS = 3;

	private static final int MAX_SEARCHES = 32;

	private static final int MAX_SEARCH_CHARS = 2048;

	DnsConfigRule() {
		super("dns-config");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		JsonNode config = pod.podSpec().path("dnsConfig");
		String path = pod.specPath("dnsConfig");
		if ("None".equals(Nodes.text(pod.podSpec().path("dnsPolicy")))) {
			if (Nodes.absent(config)) {
				findings.add(path, Messages.required("must provide `dnsConfig` when `dnsPolicy` is None"));
				return;
			}
			if (Nodes.count(config.path("nameservers")) == 0) {
				findings.add(path + ".nameservers",
						Messages.required("must provide at least one DNS nameserver when `dnsPolicy` is None"));
				return;
			}
		}
		List<String> nameservers = strings(config.path("nameservers"));
		if (nameservers.size() > MAX_NAMESERVERS) {
			findings.add(path + ".nameservers", Messages.invalidAsShown(goStrings(nameservers),
					"must not have more than " + MAX_NAMESERVERS + " nameservers"));
		}
		for (int i = 0; i < nameservers.size(); i++) {
			for (String problem : IpAddresses.problems(nameservers.get(i))) {
				findings.add(path + ".nameservers[" + i + "]", Messages.invalid(nameservers.get(i), problem));
			}
		}
		checkSearches(strings(config.path("searches")), path + ".searches", findings);
		JsonNode options = config.path("options");
		for (int i = 0; i < Nodes.count(options); i++) {
			if (Nodes.unsetText(options.get(i).path("name"))) {
				findings.add(path + ".options[" + i + "]", Messages.required("must not be empty"));
			}
		}
	}

	private static void checkSearches(List<String> searches, String path, Findings findings) {
		if (searches.size() > MAX_SEARCHES) {
			findings.add(path, Messages.invalidAsShown(goStrings(searches),
					"must not have more than " + MAX_SEARCHES + " search paths"));
		}
		if (String.join(" ", searches).length() > MAX_SEARCH_CHARS) {
			findings.add(path, Messages.invalidAsShown(goStrings(searches), "must not have more than "
					+ MAX_SEARCH_CHARS + " characters (including spaces) in the search list"));
		}
		for (int i = 0; i < searches.size(); i++) {
			String search = searches.get(i);
			String domain = search.endsWith(".") ? search.substring(0, search.length() - 1) : search;
			for (String problem : Names.dns1123Subdomain(domain)) {
				findings.add(path + "[" + i + "]", Messages.invalid(domain, problem));
			}
		}
	}

	/** The strings of a list; a value of another type is the structure rule's. */
	private static List<String> strings(JsonNode list) {
		List<String> strings = new ArrayList<>();
		for (int i = 0; i < Nodes.count(list); i++) {
			String text = Nodes.text(list.get(i));
			if (text != null) {
				strings.add(text);
			}
		}
		return strings;
	}

	/** As Go's {@code %#v} writes a {@code []string}. */
	private static String goStrings(List<String> strings) {
		StringBuilder text = new StringBuilder("[]string{");
		for (int i = 0; i < strings.size(); i++) {
			text.append(i == 0 ? "" : ", ").append(Messages.quote(strings.get(i)));
		}
		return text.append('}').toString();
	}

}
