package io.podcomposer.clusters;

import java.util.List;
import java.util.Map;

import io.podcomposer.kube.ExecCredentialPlugin;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class KubeconfigTest {

	/** As kind writes one, two contexts and a current one. */
	static final String TWO_CONTEXTS = """
			apiVersion: v1
			kind: Config
			current-context: kind-dev
			preferences: {}
			clusters:
			- name: kind-dev
			  cluster:
			    server: https://127.0.0.1:6443
			    certificate-authority-data: TFMwdExTMUNSVWRKVGlCRFJWSlU=
			- name: staging
			  cluster:
			    server: https://staging.example.com:6443
			    insecure-skip-tls-verify: true
			contexts:
			- name: kind-dev
			  context:
			    cluster: kind-dev
			    user: kind-dev
			- name: staging
			  context:
			    cluster: staging
			    user: staging-admin
			    namespace: apps
			users:
			- name: kind-dev
			  user:
			    client-certificate-data: Q0VSVElGSUNBVEU=
			    client-key-data: S0VZ
			- name: staging-admin
			  user:
			    token: eyJhbGciOiJSUzI1NiJ9.staging-token
			""";

	/**
	 * Rows kept from before such URLs were refused are shown without their credentials.
	 */
	@Test
	void aServerUrlIsShownWithoutItsUserNameAndPassword() {
		assertThat(Kubeconfig.withoutUserInfo("https://ops:hunter2@staging.example.com:6443"))
			.isEqualTo("https://staging.example.com:6443/");
		assertThat(Kubeconfig.withoutUserInfo("https://hunter2@10.0.0.1:6443/k8s"))
			.isEqualTo("https://10.0.0.1:6443/k8s");
		assertThat(Kubeconfig.withoutUserInfo("https://staging.example.com:6443"))
			.isEqualTo("https://staging.example.com:6443");
		assertThat(Kubeconfig.withoutUserInfo("https://staging.example.com/a@b"))
			.isEqualTo("https://staging.example.com/a@b");
	}

	@Test
	void theCurrentContextIsTakenWhenNoneIsGiven() {
		Kubeconfig config = Kubeconfig.read(TWO_CONTEXTS, null, false);

		assertThat(config.context()).isEqualTo("kind-dev");
		assertThat(config.namespace()).as("the context names none").isNull();
		assertThat(config.server()).isEqualTo("https://127.0.0.1:6443");
		assertThat(config.certificateAuthorityData()).isEqualTo("TFMwdExTMUNSVWRKVGlCRFJWSlU=");
		assertThat(config.insecure()).isFalse();
		assertThat(config.credentials()).isEqualTo(Credentials.clientCertificate("Q0VSVElGSUNBVEU=", "S0VZ"));
	}

	@Test
	void theGivenContextWinsAndOnlyItsClusterAndUserAreKept() {
		Kubeconfig config = Kubeconfig.read(TWO_CONTEXTS, "staging", false);

		assertThat(config.context()).isEqualTo("staging");
		assertThat(config.namespace()).as("where its deploys start").isEqualTo("apps");
		assertThat(config.server()).isEqualTo("https://staging.example.com:6443");
		assertThat(config.certificateAuthorityData()).isNull();
		assertThat(config.insecure()).isTrue();
		assertThat(config.credentials()).isEqualTo(Credentials.token("eyJhbGciOiJSUzI1NiJ9.staging-token"));
	}

	@Test
	void anUnknownContextIsRefusedListingTheOnesThereAre() {
		assertThatExceptionOfType(KubeconfigException.class)
			.isThrownBy(() -> Kubeconfig.read(TWO_CONTEXTS, "prod", false))
			.withMessage("The kubeconfig has no context prod; it has kind-dev, staging.");
	}

	@Test
	void severalContextsAndNoCurrentOneAskForAChoice() {
		String text = TWO_CONTEXTS.replace("current-context: kind-dev\n", "");

		assertThatExceptionOfType(KubeconfigException.class).isThrownBy(() -> Kubeconfig.read(text, " ", false))
			.withMessageContaining("several contexts")
			.withMessageContaining("kind-dev, staging");
	}

	@Test
	void theOnlyContextIsTakenWithoutACurrentOne() {
		Kubeconfig config = Kubeconfig.read(basic("username: ops\n    password: s3cret-basic"), null, false);

		assertThat(config.context()).isEqualTo("lab");
		assertThat(config.server()).isEqualTo("http://10.0.0.5:8080");
		assertThat(config.credentials()).isEqualTo(Credentials.basic("ops", "s3cret-basic"));
	}

	@Test
	void execIsRefusedNamingTheUser() {
		String text = basic("""
				exec:
				      apiVersion: client.authentication.k8s.io/v1beta1
				      command: aws
				      args: [eks, get-token, --cluster-name, prod]""");

		assertThatExceptionOfType(KubeconfigException.class).isThrownBy(() -> Kubeconfig.read(text, null, false))
			.withMessageStartingWith("The user lab-user uses exec, which would run a program on the portal's host")
			.withMessageContaining("podcomposer.clusters.allow-exec=true (PODCOMPOSER_CLUSTERS_ALLOW_EXEC)");
	}

	@Test
	void execIsKeptWhenAllowedWithItsArgumentsAndVariables() {
		String text = basic("""
				exec:
				      apiVersion: client.authentication.k8s.io/v1
				      command: aws
				      args: [eks, get-token, --cluster-name, prod]
				      env:
				      - {name: AWS_PROFILE, value: prod}
				      - {name: AWS_REGION, value: eu-west-1}
				      installHint: install the aws CLI""");

		Kubeconfig config = Kubeconfig.read(text, null, true);

		assertThat(config.credentials())
			.isEqualTo(Credentials.exec(new ExecCredentialPlugin.Command("client.authentication.k8s.io/v1", "aws",
					List.of("eks", "get-token", "--cluster-name", "prod"),
					Map.of("AWS_PROFILE", "prod", "AWS_REGION", "eu-west-1"))));
		assertThat(config.credentials().exec().env().keySet()).containsExactly("AWS_PROFILE", "AWS_REGION");
		assertThat(config.toString()).contains("EXEC").doesNotContain("get-token");
		assertThat(Credentials.fromJson(config.credentials().toJson())).isEqualTo(config.credentials());
	}

	@Test
	void anAllowedExecMustBeComplete() {
		assertThatExceptionOfType(KubeconfigException.class)
			.isThrownBy(() -> Kubeconfig.read(basic("exec: {apiVersion: client.authentication.k8s.io/v1}"), null, true))
			.withMessage("The user lab-user's exec has no command.");
		assertThatExceptionOfType(KubeconfigException.class)
			.isThrownBy(() -> Kubeconfig.read(basic("exec: {command: aws}"), null, true))
			.withMessage("The user lab-user's exec has no apiVersion.");
		assertThatExceptionOfType(KubeconfigException.class)
			.isThrownBy(
					() -> Kubeconfig.read(basic("exec: {apiVersion: v1, command: aws, env: [{name: A}]}"), null, true))
			.withMessageContaining("an env entry without a name and a value");
		assertThatExceptionOfType(KubeconfigException.class)
			.isThrownBy(
					() -> Kubeconfig.read(basic("token: abc\n    exec: {apiVersion: v1, command: aws}"), null, true))
			.withMessageContaining("more than one kind of credentials (TOKEN, EXEC)");
	}

	@Test
	void anAuthProviderIsRefused() {
		String text = basic("""
				auth-provider:
				      name: gcp
				      config: {cmd-path: /usr/bin/gcloud}""");

		assertThatExceptionOfType(KubeconfigException.class).isThrownBy(() -> Kubeconfig.read(text, null, false))
			.withMessageStartingWith("The user lab-user uses auth-provider");
		assertThatExceptionOfType(KubeconfigException.class).isThrownBy(() -> Kubeconfig.read(text, null, true))
			.withMessageStartingWith("The user lab-user uses auth-provider");
	}

	@Test
	void everyFileReferenceIsRefusedNamingTheEntry() {
		assertThatExceptionOfType(KubeconfigException.class)
			.isThrownBy(() -> Kubeconfig.read(basic("tokenFile: /var/run/secrets/token"), null, false))
			.withMessage("The user lab-user refers to a file with tokenFile, which would read the portal's own disk; "
					+ "give the token inline instead.");
		assertThatExceptionOfType(KubeconfigException.class)
			.isThrownBy(() -> Kubeconfig.read(basic("token-file: /etc/token"), null, false))
			.withMessageContaining("token-file");
		assertThatExceptionOfType(KubeconfigException.class)
			.isThrownBy(() -> Kubeconfig.read(
					basic("client-certificate: /home/me/.minikube/client.crt\n    client-key: /home/me/client.key"),
					null, false))
			.withMessageContaining("with client-certificate,")
			.withMessageContaining("give the client-certificate-data inline");
		assertThatExceptionOfType(KubeconfigException.class)
			.isThrownBy(() -> Kubeconfig.read(basic("client-key: /home/me/client.key\n    token: abc"), null, false))
			.withMessageContaining("with client-key,");
		String caFile = basic("token: abc").replace("server: http://10.0.0.5:8080",
				"server: https://10.0.0.5:6443\n    certificate-authority: /home/me/.minikube/ca.crt");
		assertThatExceptionOfType(KubeconfigException.class).isThrownBy(() -> Kubeconfig.read(caFile, null, false))
			.withMessageStartingWith("The cluster lab refers to a file with certificate-authority");
	}

	@Test
	void exactlyOneKindOfCredentialsIsNeeded() {
		assertThatExceptionOfType(KubeconfigException.class).isThrownBy(() -> Kubeconfig.read(basic("{}"), null, false))
			.withMessageContaining("gives no credentials");
		assertThatExceptionOfType(KubeconfigException.class)
			.isThrownBy(() -> Kubeconfig.read(basic("token: abc\n    username: ops\n    password: pw"), null, false))
			.withMessageContaining("more than one kind of credentials (TOKEN, BASIC)");
		assertThatExceptionOfType(KubeconfigException.class)
			.isThrownBy(() -> Kubeconfig.read(basic("client-certificate-data: Q0VSVA=="), null, false))
			.withMessageContaining("needs both client-certificate-data and client-key-data");
		assertThatExceptionOfType(KubeconfigException.class)
			.isThrownBy(() -> Kubeconfig.read(basic("username: ops"), null, false))
			.withMessageContaining("needs both username and password");
	}

	@Test
	void brokenOrIncompleteTextIsRefusedClearly() {
		assertThatExceptionOfType(KubeconfigException.class).isThrownBy(() -> Kubeconfig.read("", null, false))
			.withMessage("The kubeconfig is empty.");
		assertThatExceptionOfType(KubeconfigException.class)
			.isThrownBy(() -> Kubeconfig.read("clusters: [", null, false))
			.withMessageStartingWith("The kubeconfig is not valid YAML");
		assertThatExceptionOfType(KubeconfigException.class)
			.isThrownBy(() -> Kubeconfig.read("- a\n- b\n", null, false))
			.withMessageContaining("must be a YAML map");
		assertThatExceptionOfType(KubeconfigException.class)
			.isThrownBy(() -> Kubeconfig.read("kind: Config\n", null, false))
			.withMessage("The kubeconfig has no contexts.");
		assertThatExceptionOfType(KubeconfigException.class)
			.isThrownBy(() -> Kubeconfig.read(TWO_CONTEXTS.replace("  user: staging-admin", "  user: nobody"),
					"staging", false))
			.withMessage("The kubeconfig's users have no entry named nobody.");
		assertThatExceptionOfType(KubeconfigException.class)
			.isThrownBy(() -> Kubeconfig.read(basic("token: abc").replace("http://10.0.0.5:8080", "10.0.0.5:8080"),
					null, false))
			.withMessageContaining("must be an http or https URL");
	}

	@Test
	void neitherTheRecordNorItsCredentialsPrintASecret() {
		Kubeconfig config = Kubeconfig.read(TWO_CONTEXTS, "staging", false);

		assertThat(config.toString()).contains("staging", "TOKEN").doesNotContain("staging-token");
	}

	/** One context, one cluster over plain http, and a user with the given fields. */
	private static String basic(String userFields) {
		return """
				apiVersion: v1
				kind: Config
				clusters:
				- name: lab
				  cluster:
				    server: http://10.0.0.5:8080
				contexts:
				- name: lab
				  context: {cluster: lab, user: lab-user}
				users:
				- name: lab-user
				  user:
				    %s
				""".formatted(userFields);
	}

}
