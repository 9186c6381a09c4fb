package io.podcomposer.validation;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static io.podcomposer.validation.RuleTesting.assertFindings;
import static io.podcomposer.validation.RuleTesting.finding;
import static io.podcomposer.validation.RuleTesting.pod;
import static io.podcomposer.validation.RuleTesting.web;
import static org.assertj.core.api.Assertions.assertThat;

class ResourcesRuleTest {

	private final ResourcesRule rule = new ResourcesRule();

	@Test
	void quantitiesReadAsTheApiServerReadsThem() {
		assertThat(Quantity.parse("500m").value()).isEqualByComparingTo("0.5");
		assertThat(Quantity.parse("1.5").value()).isEqualByComparingTo("1.5");
		assertThat(Quantity.parse("128Mi").value()).isEqualByComparingTo(BigDecimal.valueOf(128L << 20));
		assertThat(Quantity.parse("1e3").value()).isEqualByComparingTo("1000");
		assertThat(Quantity.parse("2G").value()).isEqualByComparingTo("2000000000");
		assertThat(Quantity.parse("1E").value()).isEqualByComparingTo("1e18");
		assertThat(Quantity.parse("+.5Ki").value()).isEqualByComparingTo("512");
		assertThat(Quantity.parse("-1").value()).isEqualByComparingTo("-1");
		assertThat(Quantity.parse("1.5.5").error()).isEqualTo(Quantity.FORMAT_ERROR);
		assertThat(Quantity.parse("128MB").error()).isEqualTo(Quantity.FORMAT_ERROR);
		assertThat(Quantity.parse("").error()).isEqualTo(Quantity.FORMAT_ERROR);
		assertThat(Quantity.parse("1K").error()).isEqualTo(Quantity.SUFFIX_ERROR);
		assertThat(Quantity.parse("1e").error()).isEqualTo(Quantity.SUFFIX_ERROR);
		assertThat(Quantity.parse("Mi").error()).isEqualTo(Quantity.NUMBER_ERROR);
	}

	@Test
	void acceptsRequestsUpToTheirLimits() {
		assertFindings(this.rule, pod(web("""
				resources:
				  requests:
				    cpu: 500m
				    memory: 128Mi
				    ephemeral-storage: 1G
				  limits:
				    cpu: 1
				    memory: 0.125Gi
				""")));
	}

	@Test
	void reportsBadNegativeAndExcessiveQuantities() {
		assertFindings(this.rule, pod(web("""
				resources:
				  requests:
				    cpu: 1500m
				    memory: 256 MiB
				  limits:
				    cpu: 1
				    memory: -1Gi
				""")),
				finding("spec.containers[0].resources.limits[memory]",
						"Invalid value: \"-1Gi\": must be greater than or equal to 0"),
				finding("spec.containers[0].resources.requests[memory]",
						"Invalid value: \"256 MiB\": " + Quantity.FORMAT_ERROR),
				finding("spec.containers[0].resources.requests",
						"Invalid value: \"1500m\": must be less than or equal to cpu limit of 1"));
	}

}
