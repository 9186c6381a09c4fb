package io.podcomposer.clusters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import io.podcomposer.manifest.ManifestParseException;
import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.manifest.ManifestWriter;
import io.podcomposer.system.DomainException.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A cluster the operator hands the portal as a kubeconfig file, such as the one k3s
 * writes in the docker compose sandbox: added once, through {@link ClusterService#add},
 * as any admin would add it. The file may be written only after the portal starts, so a
 * background thread looks for it every second for a bounded time; start-up does not wait.
 * Once the cluster exists, by this name, nothing is done again: a later start, or a
 * second instance, leaves it as it is.
 */
@Component
class BootstrapCluster implements ApplicationRunner, DisposableBean {

	static final String KUBECONFIG = "podcomposer.clusters.bootstrap.kubeconfig";

	/** What one look at the file came to. */
	enum Outcome {

		/** This call added the cluster. */
		ADDED,
		/** The cluster was there: made by an earlier start or another instance. */
		PRESENT,
		/** The file is missing or empty: k3s may not have written it yet. */
		NOT_WRITTEN,
		/** The file cannot be read or used: waiting would not help. */
		UNUSABLE

	}

	private static final Logger logger = LoggerFactory.getLogger(BootstrapCluster.class);

	private static final Duration POLL = Duration.ofSeconds(1);

	private final String file;

	private final String name;

	private final String server;

	private final Duration wait;

	private final ClusterService clusters;

	private final ClusterRepository repository;

	private volatile Thread waiter;

	BootstrapCluster(ClusterSettings settings, ClusterService clusters, ClusterRepository repository) {
		this.file = settings.bootstrap().kubeconfig().strip();
		this.name = settings.bootstrap().name().strip();
		this.server = settings.bootstrap().server().strip();
		this.wait = settings.bootstrap().lookFor();
		this.clusters = clusters;
		this.repository = repository;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.file.isEmpty()) {
			return;
		}
		Thread thread = new Thread(this::addWhenWritten, "bootstrap-cluster");
		thread.setDaemon(true);
		this.waiter = thread;
		thread.start();
	}

	@Override
	public void destroy() throws InterruptedException {
		Thread thread = this.waiter;
		if (thread != null) {
			thread.interrupt();
			thread.join(POLL.toMillis() * 5);
		}
	}

	private void addWhenWritten() {
		Instant deadline = Instant.now().plus(this.wait);
		boolean told = false;
		try {
			while (addOnce() == Outcome.NOT_WRITTEN) {
				if (Instant.now().isAfter(deadline)) {
					logger.warn(
							"The kubeconfig {} was not written within {}: the cluster {} was not added. Add it under "
									+ "Clusters, or restart the portal once the file is there.",
							path(), this.wait, this.name);
					return;
				}
				if (!told) {
					logger
						.info("The kubeconfig {} for the cluster {} is not there yet; looking for it every {} s for up "
								+ "to {}.", path(), this.name, POLL.toSeconds(), this.wait);
					told = true;
				}
				Thread.sleep(POLL.toMillis());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			// such as the database going away: said, not thrown into a thread nobody
			// joins
			logger.warn("The cluster {} could not be added from {}: {}", this.name, path(), ex.toString());
		}
	}

	/**
	 * One look at the file: adds the cluster from it unless there is one of that name.
	 */
	Outcome addOnce() {
		if (this.repository.existsByName(this.name)) {
			return Outcome.PRESENT;
		}
		String text;
		try {
			text = Files.readString(path(), StandardCharsets.UTF_8);
		}
		catch (NoSuchFileException ex) {
			return Outcome.NOT_WRITTEN;
		}
		catch (IOException ex) {
			logger.warn("The kubeconfig {} for the cluster {} cannot be read ({}): the cluster was not added.", path(),
					this.name, ex.toString());
			return Outcome.UNUSABLE;
		}
		if (text.isBlank()) {
			return Outcome.NOT_WRITTEN;
		}
		try {
			this.clusters.add(this.name, pointed(text), null);
		}
		catch (ClusterProblem ex) {
			if (ex.kind() != Kind.CONFLICT) {
				logger.warn("The kubeconfig {} cannot be added as the cluster {}: {}", path(), this.name,
						ex.getMessage());
				return Outcome.UNUSABLE;
			}
			return addedByAnother();
		}
		catch (PessimisticLockingFailureException ex) {
			// the other instance's insert held the row's lock for longer than the
			// database waits
			return addedByAnother();
		}
		logger.info("Added the cluster {} from the kubeconfig {}{}.", this.name, path(),
				this.server.isEmpty() ? "" : ", at " + this.server);
		return Outcome.ADDED;
	}

	private Outcome addedByAnother() {
		logger.info("Another instance added the cluster {} at the same time.", this.name);
		return Outcome.PRESENT;
	}

	/**
	 * The kubeconfig with every cluster's server set to the one configured, when one is.
	 */
	private String pointed(String text) {
		if (this.server.isEmpty()) {
			return text;
		}
		JsonNode root;
		try {
			root = ManifestReader.readYaml(text);
		}
		catch (ManifestParseException ex) {
			// the add says what is wrong with it
			return text;
		}
		root.path("clusters")
			.valueStream()
			.map((entry) -> entry.path("cluster"))
			.filter(JsonNode::isObject)
			.forEach((cluster) -> ((ObjectNode) cluster).put("server", this.server));
		return ManifestWriter.toJson(root);
	}

	private Path path() {
		return Path.of(this.file);
	}

}
