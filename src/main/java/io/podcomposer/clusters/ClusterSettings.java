package io.podcomposer.clusters;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code podcomposer.clusters.*} settings, with their defaults and variables in
 * application.properties (docs/OPERATING.md lists them). They are checked as the portal
 * starts: a value it cannot use stops the start, naming the setting and what it must be,
 * instead of surprising the first deploy.
 *
 * @param timeout how long any call to a cluster may wait for a connection or an answer;
 * at most {@link io.podcomposer.kube.KubeConnection#MAX_TIMEOUT}
 * @param allowExec whether a kubeconfig's {@code exec} command may run on the portal's
 * host
 * @param execTimeout how long such a command may take
 * @param allowLocalServers whether a server on the portal's own host may be called
 * @param inCluster "this cluster", the one the portal runs in
 * @param bootstrap a cluster added once from a kubeconfig file
 */
@ConfigurationProperties("podcomposer.clusters")
@Validated
record ClusterSettings(
		@NotNull @DurationMin(millis = 1, message = "must be longer than 0s") @DurationMax(seconds = 15,
				message = "must be 15s or less") Duration timeout,
		boolean allowExec, @NotNull @DurationMin(millis = 1, message = "must be longer than 0s") Duration execTimeout,
		boolean allowLocalServers, @Valid @DefaultValue InCluster inCluster, @Valid @DefaultValue Bootstrap bootstrap) {

	/**
	 * @param enabled whether the cluster is offered
	 * @param serviceAccountDir where the pod's service account token and CA certificate
	 * are mounted
	 * @param host the API server's host as the pod sees it
	 * @param port its port
	 */
	record InCluster(boolean enabled, @NotNull Path serviceAccountDir, @NotBlank String host,
			@Min(1) @Max(65535) int port) {

		/**
		 * The API server's URL, as client-go joins host and port: an IPv6 address in
		 * brackets.
		 */
		String server() {
			return "https://" + (this.host.contains(":") ? "[" + this.host + "]" : this.host) + ":" + this.port;
		}

	}

	/**
	 * A cluster added once from a kubeconfig file: a class, not a record, since a record
	 * cannot have a component named {@code wait} (which a message at start-up must name).
	 */
	static final class Bootstrap {

		/** The file; none when empty. */
		private final String kubeconfig;

		/** The name the cluster is added by. */
		private final String name;

		/** The server address to use instead of the file's; none when empty. */
		private final String server;

		/** How long to look for the file. */
		@NotNull
		@DurationMin(millis = 0, message = "must not be negative")
		private final Duration wait;

		Bootstrap(@DefaultValue("") String kubeconfig, @DefaultValue("") String name, @DefaultValue("") String server,
				Duration wait) {
			this.kubeconfig = kubeconfig;
			this.name = name;
			this.server = server;
			this.wait = wait;
		}

		String kubeconfig() {
			return this.kubeconfig;
		}

		String name() {
			return this.name;
		}

		String server() {
			return this.server;
		}

		Duration lookFor() {
			return this.wait;
		}

	}

}
