package io.podcomposer.clusters;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster settings are checked as the portal starts: a bad one stops it, saying which
 * and why.
 */
class ClusterSettingsTest {

	/** As application.properties sets them when no variable is set. */
	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class)
		.withPropertyValues("podcomposer.clusters.in-cluster.enabled=false",
				"podcomposer.clusters.in-cluster.service-account-dir=/var/run/secrets/kubernetes.io/serviceaccount",
				"podcomposer.clusters.in-cluster.host=kubernetes.default.svc",
				"podcomposer.clusters.in-cluster.port=443", "podcomposer.clusters.allow-exec=false",
				"podcomposer.clusters.allow-local-servers=false", "podcomposer.clusters.exec-timeout=15s",
				"podcomposer.clusters.timeout=15s", "podcomposer.clusters.bootstrap.kubeconfig=",
				"podcomposer.clusters.bootstrap.name=local-k3s", "podcomposer.clusters.bootstrap.server=",
				"podcomposer.clusters.bootstrap.wait=5m");

	@Test
	void theDefaultsBind() {
		this.runner.run((context) -> {
			ClusterSettings settings = context.getBean(ClusterSettings.class);
			assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(15));
			assertThat(settings.execTimeout()).isEqualTo(Duration.ofSeconds(15));
			assertThat(settings.allowExec()).isFalse();
			assertThat(settings.allowLocalServers()).isFalse();
			assertThat(settings.inCluster().serviceAccountDir())
				.isEqualTo(Path.of("/var/run/secrets/kubernetes.io/serviceaccount"));
			assertThat(settings.inCluster().server()).isEqualTo("https://kubernetes.default.svc:443");
			assertThat(settings.bootstrap().kubeconfig()).isEmpty();
			assertThat(settings.bootstrap().lookFor()).isEqualTo(Duration.ofMinutes(5));
		});
	}

	@Test
	void anIpv6HostIsBracketedInTheServerAddress() {
		this.runner
			.withPropertyValues("podcomposer.clusters.in-cluster.host=fd00::1",
					"podcomposer.clusters.in-cluster.port=6443")
			.run((context) -> assertThat(context.getBean(ClusterSettings.class).inCluster().server())
				.isEqualTo("https://[fd00::1]:6443"));
	}

	@Test
	void aTimeoutOfNothingStopsTheStart() {
		assertRefused("podcomposer.clusters.timeout=0s", "timeout", "must be longer than 0s");
	}

	@Test
	void aTimeoutLongerThanACallMayWaitStopsTheStart() {
		assertRefused("podcomposer.clusters.timeout=1m", "timeout", "must be 15s or less");
	}

	@Test
	void aNegativeExecTimeoutStopsTheStart() {
		assertRefused("podcomposer.clusters.exec-timeout=-5s", "execTimeout", "must be longer than 0s");
	}

	@Test
	void aPortOutOfRangeStopsTheStart() {
		assertRefused("podcomposer.clusters.in-cluster.port=70000", "inCluster.port",
				"must be less than or equal to 65535");
	}

	@Test
	void anEmptyInClusterHostStopsTheStart() {
		assertRefused("podcomposer.clusters.in-cluster.host= ", "inCluster.host", "must not be blank");
	}

	@Test
	void aNegativeBootstrapWaitStopsTheStart() {
		assertRefused("podcomposer.clusters.bootstrap.wait=-1m", "bootstrap.wait", "must not be negative");
	}

	@Test
	void aPortThatIsNotANumberStopsTheStartNamingTheSetting() {
		this.runner.withPropertyValues("podcomposer.clusters.in-cluster.port=https").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(startupReport(context.getStartupFailure()))
				.contains("Property: podcomposer.clusters.in-cluster.port", "Value: \"https\"");
		});
	}

	private void assertRefused(String setting, String property, String reason) {
		this.runner.withPropertyValues(setting).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(startupReport(context.getStartupFailure()))
				.contains("Property: podcomposer.clusters." + property)
				.contains("Reason: " + reason);
		});
	}

	/**
	 * What the start-up prints for the failure: the analysis of the first of Boot's
	 * analyzers that knows it.
	 */
	private static String startupReport(Throwable failure) {
		return SpringFactoriesLoader.forDefaultResourceLocation()
			// those that need the failed context's bean factory are left out: the binding
			// ones do not
			.load(FailureAnalyzer.class, FailureHandler.handleMessage((message, notMade) -> {
			}))
			.stream()
			.map((analyzer) -> analyzer.analyze(failure))
			.filter(Objects::nonNull)
			.findFirst()
			.map((analysis) -> analysis.getDescription() + "\n" + analysis.getAction())
			.orElseThrow();
	}

	@EnableConfigurationProperties(ClusterSettings.class)
	static class Settings {

	}

}
