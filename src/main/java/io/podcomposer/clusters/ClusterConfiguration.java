package io.podcomposer.clusters;

import java.time.Clock;

import io.podcomposer.kube.ExecCredentialPlugin;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cluster settings, and the part of kube they configure. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterSettings.class)
class ClusterConfiguration {

	@Bean
	ExecCredentialPlugin execCredentialPlugin(ClusterSettings settings, Clock clock) {
		return new ExecCredentialPlugin(settings.execTimeout(), clock);
	}

}
