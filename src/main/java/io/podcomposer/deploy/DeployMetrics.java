package io.podcomposer.deploy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * {@code podcomposer.deploy}, the time a whole deploy takes, and
 * {@code podcomposer.deploys}, the deploys that ended, by {@code result}. Every result is
 * there from the start, at 0, so that a rate of failures can be asked for before the
 * first one.
 */
@Component
class DeployMetrics {

	private final Timer deploy;

	private final Map<DeployStatus, Counter> ended = new EnumMap<>(DeployStatus.class);

	DeployMetrics(MeterRegistry registry) {
		this.deploy = Timer.builder("podcomposer.deploy")
			.description("A whole deploy, from the request to its record; dry runs and failures included")
			.register(registry);
		for (DeployStatus result : List.of(DeployStatus.Applied, DeployStatus.DryRunPassed, DeployStatus.Failed)) {
			this.ended.put(result,
					Counter.builder("podcomposer.deploys")
						.description("Deploys that ended, by how")
						.tag("result", result.name())
						.register(registry));
		}
	}

	<T> T timed(Supplier<T> deploying) {
		return this.deploy.record(deploying);
	}

	void ended(DeployStatus result) {
		this.ended.get(result).increment();
	}

}
