package io.podcomposer.kube;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.podcomposer.kube.ExecCredentialPlugin.Command;
import io.podcomposer.kube.KubeConnection.Credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Exec commands written as small shell scripts into a temporary folder, run as a
 * kubeconfig's exec runs them.
 */
class ExecCredentialPluginTest {

	private static final String API_VERSION = ExecScripts.API_VERSION;

	private static final String TOKEN = "exec-issued-token-Hq93";

	private static final Instant NOW = Instant.parse("2026-11-29T06:00:00Z");

	private final FakeKubernetes fake = FakeKubernetes.start(TOKEN);

	private final ExecCredentialPlugin plugin = new ExecCredentialPlugin(Duration.ofSeconds(1),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@TempDir
	Path folder;

	@AfterEach
	void stop() {
		fake.close();
	}

	@Test
	void theTokenPrintedSignsInToTheCluster() throws IOException {
		Command command = new Command(API_VERSION, script("token.sh", ExecScripts.printing("\"token\": \"$ISSUED\"")),
				List.of(), Map.of("ISSUED", TOKEN));

		Credentials credentials = plugin.credentials(command);

		assertThat(credentials).isEqualTo(new Credentials.BearerToken(TOKEN));
		ClusterCheck check = ClusterProbe.check(fake.connection(fake.caPem(), false, credentials));
		assertThat(check.reachable()).as(check.message()).isTrue();
		assertThat(check.serverVersion()).isEqualTo(FakeKubernetes.GIT_VERSION);
	}

	@Test
	void aClientCertificatePrintedSignsInToo() throws IOException {
		TestCa.ClientCertificate issued = fake.clientCertificate("exec-user");
		Command command = new Command(API_VERSION,
				script("cert.sh",
						ExecScripts.printing("\"clientCertificateData\": \"$CERT\", \"clientKeyData\": \"$KEY\"")),
				List.of(), Map.of("CERT", issued.certificatePem().replace("\n", "\\n"), "KEY",
						issued.keyPem().replace("\n", "\\n")));

		Credentials credentials = plugin.credentials(command);

		assertThat(credentials).isInstanceOf(Credentials.ClientCertificate.class);
		assertThat(ClusterProbe.check(fake.connection(fake.caPem(), false, credentials)).reachable()).isTrue();
	}

	@Test
	void theCommandRunsWithoutAShellWithItsArgumentsStdinClosedAndTheExecInfo() throws IOException {
		// cat waits for the end of stdin: a command given an open stdin would run into
		// the limit
		String body = """
				cat > /dev/null
				[ "$1" = 'two words' ] && [ "$2" = '$NOT_EXPANDED' ] || exit 3
				echo "$KUBERNETES_EXEC_INFO" | grep -q '"interactive":false' || exit 4
				""" + ExecScripts.printing("\"token\": \"ok\"");
		Command command = new Command(API_VERSION, script("args.sh", body), List.of("two words", "$NOT_EXPANDED"),
				Map.of());

		assertThat(plugin.credentials(command)).isEqualTo(new Credentials.BearerToken("ok"));
	}

	@Test
	void aCredentialIsReusedUntilItExpires() throws IOException {
		Path runs = folder.resolve("runs");
		Command expiring = new Command(API_VERSION,
				script("expiring.sh",
						"echo run >> " + runs + "\n"
								+ ExecScripts.printing(
										"\"token\": \"t\", \"expirationTimestamp\": \"2026-11-29T07:30:00+01:00\"")),
				List.of(), Map.of());

		plugin.credentials(expiring);
		plugin.credentials(expiring);
		assertThat(Files.readAllLines(runs)).as("not expired at 06:00Z").hasSize(1);

		Command expired = new Command(API_VERSION, script("expired.sh",
				"echo run >> " + runs + "\n"
						+ ExecScripts.printing("\"token\": \"t\", \"expirationTimestamp\": \"2026-11-29T06:00:00Z\"")),
				List.of(), Map.of());
		plugin.credentials(expired);
		plugin.credentials(expired);
		assertThat(Files.readAllLines(runs)).hasSize(3);

		Command forever = new Command(API_VERSION,
				script("no-expiry.sh", "echo run >> " + runs + "\n" + ExecScripts.printing("\"token\": \"t\"")),
				List.of(), Map.of());
		plugin.credentials(forever);
		plugin.credentials(forever);
		assertThat(Files.readAllLines(runs)).as("without an expiry, run every time").hasSize(5);
	}

	@Test
	void aFailingCommandIsQuotedFromItsStderrNeverItsStdout() throws IOException {
		String body = ExecScripts.printing("\"token\": \"" + TOKEN + "\"") + """
				for n in 1 2 3 4 5 6 7; do echo "error line $n" >&2; done
				exit 42
				""";
		Command command = new Command(API_VERSION, script("fails.sh", body), List.of(), Map.of());

		assertThatExceptionOfType(ExecCredentialException.class).isThrownBy(() -> plugin.credentials(command))
			.withMessageStartingWith(
					"The exec command " + command.command() + " failed with exit code 42: error line 1\n")
			.withMessageContaining("error line 5\n…")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("error line 6", TOKEN));
	}

	@Test
	void aSlowCommandIsStoppedAtTheLimit() throws IOException {
		Command command = new Command(API_VERSION, script("slow.sh", "echo thinking >&2\nsleep 30\n"), List.of(),
				Map.of());
		long started = System.nanoTime();

		assertThatExceptionOfType(ExecCredentialException.class).isThrownBy(() -> plugin.credentials(command))
			.withMessageStartingWith(
					"The exec command " + command.command() + " did not finish within 1 s and was stopped: thinking");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void garbageIsRefusedWithoutBeingQuoted() throws IOException {
		Command garbage = new Command(API_VERSION, script("garbage.sh", "echo 'here is " + TOKEN + "'\n"), List.of(),
				Map.of());
		Command notACredential = new Command(API_VERSION,
				script("other.sh", "echo '{\"kind\": \"Status\", \"token\": \"" + TOKEN + "\"}'\n"), List.of(),
				Map.of());
		Command empty = new Command(API_VERSION,
				script("empty.sh", ExecScripts.printing("\"expirationTimestamp\": \"soon\"")), List.of(), Map.of());
		Command badExpiry = new Command(API_VERSION,
				script("expiry.sh", ExecScripts.printing("\"token\": \"t\", \"expirationTimestamp\": \"soon\"")),
				List.of(), Map.of());
		Command otherVersion = new Command("client.authentication.k8s.io/v1beta1",
				script("version.sh", ExecScripts.printing("\"token\": \"t\"")), List.of(), Map.of());

		assertThatExceptionOfType(ExecCredentialException.class).isThrownBy(() -> plugin.credentials(garbage))
			.withMessageEndingWith("printed no ExecCredential JSON.")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(TOKEN));
		assertThatExceptionOfType(ExecCredentialException.class).isThrownBy(() -> plugin.credentials(notACredential))
			.withMessageEndingWith("printed no ExecCredential JSON.");
		assertThatExceptionOfType(ExecCredentialException.class).isThrownBy(() -> plugin.credentials(empty))
			.withMessageContaining("an ExecCredential without status.token");
		assertThatExceptionOfType(ExecCredentialException.class).isThrownBy(() -> plugin.credentials(badExpiry))
			.withMessageContaining("not an RFC 3339 time: soon");
		assertThatExceptionOfType(ExecCredentialException.class).isThrownBy(() -> plugin.credentials(otherVersion))
			.withMessageContaining(
					"apiVersion client.authentication.k8s.io/v1, not the client.authentication.k8s.io/v1beta1");
	}

	@Test
	void aCommandThatIsNotThereSaysSo() {
		Command command = new Command(API_VERSION, folder.resolve("missing").toString(), List.of(), Map.of());

		assertThatExceptionOfType(ExecCredentialException.class).isThrownBy(() -> plugin.credentials(command))
			.withMessageStartingWith("The exec command " + command.command() + " cannot be run: ");
	}

	@Test
	void theCommandPrintsNoSecret() {
		Command command = new Command(API_VERSION, "aws", List.of("--token", "secret-arg"),
				Map.of("KEY", "secret-env"));

		assertThat(command.toString()).isEqualTo("Command[aws]");
	}

	private String script(String name, String body) throws IOException {
		return ExecScripts.write(folder.resolve(name), body);
	}

}
