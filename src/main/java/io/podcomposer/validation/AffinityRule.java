package io.podcomposer.validation;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import tools.jackson.databind.JsonNode;

/**
 * {@code affinity}: the pod's {@code affinity}.
 * <ul>
 * <li>{@code nodeAffinity}: a required node selector has at least one of
 * {@code nodeSelectorTerms}; each {@code matchExpressions} entry has a qualified
 * {@code key} and an {@code operator} of {@code In}, {@code NotIn} (with {@code values}),
 * {@code Exists}, {@code DoesNotExist} (without) or {@code Gt}, {@code Lt} (with one
 * value); each preferred term has a {@code weight} from 1 to 100.</li>
 * <li>{@code podAffinity} and {@code podAntiAffinity}: each term has a qualified
 * {@code topologyKey} and well-formed {@code labelSelector} and
 * {@code namespaceSelector}; its {@code namespaces} are DNS-1123 labels (told at
 * {@code namespace}, as upstream does); each preferred term has a {@code weight} from 1
 * to 100.</li>
 * </ul>
 */
final class AffinityRule extends ApiServerRule {

	private static final String REQUIRED = "requiredDuringSchedulingIgnoredDuringExecution";

	private static final String PREFERRED = "preferredDuringSchedulingIgnoredDuringExecution";

	private static final String WEIGHT = "must be in the range 1-100";

	AffinityRule() {
		super("affinity");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		JsonNode affinity = pod.podSpec().path("affinity");
		String path = pod.specPath("affinity");
		checkNodeAffinity(affinity.path("nodeAffinity"), path + ".nodeAffinity", findings);
		for (String kind : new String[] { "podAffinity", "podAntiAffinity" }) {
			checkPodAffinity(affinity.path(kind), path + "." + kind, findings);
		}
	}

	private static void checkNodeAffinity(JsonNode affinity, String path, Findings findings) {
		JsonNode required = affinity.path(REQUIRED);
		if (required.isObject()) {
			JsonNode terms = required.path("nodeSelectorTerms");
			String termsPath = path + "." + REQUIRED + ".nodeSelectorTerms";
			if (Nodes.count(terms) == 0 && (Nodes.absent(terms) || terms.isArray())) {
				findings.add(termsPath, Messages.required("must have at least one node selector term"));
			}
			for (int i = 0; i < Nodes.count(terms); i++) {
				checkNodeSelectorTerm(terms.get(i), termsPath + "[" + i + "]", findings);
			}
		}
		checkPreferred(affinity, path, "preference", AffinityRule::checkNodeSelectorTerm, findings);
	}

	private static void checkNodeSelectorTerm(JsonNode term, String path, Findings findings) {
		JsonNode expressions = term.path("matchExpressions");
		for (int i = 0; i < Nodes.count(expressions); i++) {
			JsonNode expression = expressions.get(i);
			String at = path + ".matchExpressions[" + i + "]";
			String operator = Nodes.text(expression.path("operator"));
			int values = Nodes.count(expression.path("values"));
			if (operator == null && !Nodes.absent(expression.path("operator"))) {
				continue;
			}
			switch ((operator == null) ? "" : operator) {
				case "In", "NotIn" -> {
					if (values == 0) {
						findings.add(at + ".values",
								Messages.required("must be specified when `operator` is 'In' or 'NotIn'"));
					}
				}
				case "Exists", "DoesNotExist" -> {
					if (values > 0) {
						findings.add(at + ".values", Messages
							.forbidden("may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
					}
				}
				case "Gt", "Lt" -> {
					if (values != 1) {
						findings.add(at + ".values",
								Messages.required("must be specified single value when `operator` is 'Lt' or 'Gt'"));
					}
				}
				default -> findings.add(at + ".operator",
						Messages.invalid((operator == null) ? "" : operator, "not a valid selector operator"));
			}
			checkQualifiedName(expression.path("key"), at + ".key", findings);
		}
	}

	private static void checkPodAffinity(JsonNode affinity, String path, Findings findings) {
		JsonNode required = affinity.path(REQUIRED);
		for (int i = 0; i < Nodes.count(required); i++) {
			checkPodAffinityTerm(required.get(i), path + "." + REQUIRED + "[" + i + "]", findings);
		}
		checkPreferred(affinity, path, "podAffinityTerm", AffinityRule::checkPodAffinityTerm, findings);
	}

	/**
	 * The weighted terms: each weight from 1 to 100, and the term under
	 * {@code termField}.
	 */
	private static void checkPreferred(JsonNode affinity, String path, String termField, TermCheck checkTerm,
			Findings findings) {
		JsonNode preferred = affinity.path(PREFERRED);
		for (int i = 0; i < Nodes.count(preferred); i++) {
			String termPath = path + "." + PREFERRED + "[" + i + "]";
			JsonNode weight = preferred.get(i).path("weight");
			Long value = Nodes.absent(weight) ? Long.valueOf(0) : Nodes.integer(weight);
			if (value != null && (value <= 0 || value > 100)) {
				findings.add(termPath + ".weight", Messages.invalid(value, WEIGHT));
			}
			checkTerm.check(preferred.get(i).path(termField), termPath + "." + termField, findings);
		}
	}

	private interface TermCheck {

		void check(JsonNode term, String path, Findings findings);

	}

	private static void checkPodAffinityTerm(JsonNode term, String path, Findings findings) {
		if (!term.isObject()) {
			return;
		}
		for (String selector : new String[] { "labelSelector", "namespaceSelector" }) {
			if (term.path(selector).isObject()) {
				LabelSelectors.check(term.path(selector), path + "." + selector, findings);
			}
		}
		JsonNode namespaces = term.path("namespaces");
		for (int i = 0; i < Nodes.count(namespaces); i++) {
			String namespace = Nodes.text(namespaces.get(i));
			if (namespace != null) {
				for (String problem : Names.dns1123Label(namespace)) {
					findings.add(path + ".namespace", Messages.invalid(namespace, problem));
				}
			}
		}
		if (Nodes.unsetText(term.path("topologyKey"))) {
			findings.add(path + ".topologyKey", Messages.required("can not be empty"));
		}
		checkQualifiedName(term.path("topologyKey"), path + ".topologyKey", findings);
	}

	/**
	 * A qualified name, unset counting as empty; another type is the structure rule's.
	 */
	private static void checkQualifiedName(JsonNode node, String path, Findings findings) {
		String name = Nodes.absent(node) ? "" : Nodes.text(node);
		if (name != null) {
			for (String problem : Names.qualifiedName(name)) {
				findings.add(path, Messages.invalid(name, problem));
			}
		}
	}

}
