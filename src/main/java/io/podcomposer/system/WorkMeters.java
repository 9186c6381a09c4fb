package io.podcomposer.system;

import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * Timers for the work a user waits on: {@code podcomposer.render} and
 * {@code podcomposer.validate}. They are timed here, at the callers, so that the
 * validator stays plain Java (the benchmarks run it without Spring).
 */
@Component
public class WorkMeters {

	private final Timer render;

	private final Timer validate;

	public WorkMeters(MeterRegistry registry) {
		this.render = Timer.builder("podcomposer.render")
			.description("Rendering a manifest: POST /api/v1/render and the composer's preview")
			.register(registry);
		this.validate = Timer.builder("podcomposer.validate")
			.description("Validating a manifest: the API, the composer and the deploys")
			.register(registry);
	}

	/** Runs a rendering, timed. */
	public <T> T render(Supplier<T> rendering) {
		return this.render.record(rendering);
	}

	/**
	 * Runs a validation, timed: a manifest, the objects of a file, or one object of any
	 * kind.
	 */
	public <T> T validate(Supplier<T> validation) {
		return this.validate.record(validation);
	}

}
