package io.podcomposer.deploy;

import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

import io.podcomposer.TestAdmin;
import io.podcomposer.clusters.ClusterService;
import io.podcomposer.kube.FakeKubeconfig;
import io.podcomposer.kube.FakeKubernetes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the deploy tests share: templates and clusters made over REST, calls as a user,
 * answers as JSON.
 */
final class DeployTests {

	static final String CLUSTER_TOKEN = "fake-deploy-token";

	/**
	 * Two containers sharing a Memory emptyDir at /dev/shm, one with IPC_LOCK:
	 * Privileged, refused by baseline.
	 */
	static final String SHARED_MEMORY_POD = """
			apiVersion: v1
			kind: Pod
			metadata:
			  name: %s
			  labels: {app: shm}
			spec:
			  containers:
			  - name: producer
			    image: %s
			    volumeMounts: [{name: shm, mountPath: /dev/shm}]
			  - name: consumer
			    image: busybox:1.36
			    securityContext:
			      capabilities: {add: [IPC_LOCK]}
			    volumeMounts: [{name: shm, mountPath: /dev/shm}]
			  volumes:
			  - name: shm
			    emptyDir: {medium: Memory, sizeLimit: 256Mi}
			""";

	/**
	 * A Deployment of two replicas named and labelled as its {@code %s}, with an
	 * {@code IMAGE}.
	 */
	static final String WEB_DEPLOYMENT = """
			apiVersion: apps/v1
			kind: Deployment
			metadata: {name: %s}
			spec:
			  replicas: 2
			  selector: {matchLabels: {app: %1$s}}
			  template:
			    metadata: {labels: {app: %1$s}}
			    spec:
			      containers:
			      - {name: web, image: "${IMAGE}"}
			""";

	private DeployTests() {
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Adds the fake as a cluster, as an admin would. */
	static long addCluster(ClusterService clusters, FakeKubernetes fake) {
		return clusters.add(unique("fake"), FakeKubeconfig.of(fake, CLUSTER_TOKEN), null).id();
	}

	/**
	 * Saves a template whose manifest is the YAML, with an {@code IMAGE} parameter
	 * defaulting to busybox.
	 */
	static long template(MockMvcTester mvc, String manifestYaml) {
		String body = "name: " + unique("deploy") + "\n" + "parameters:\n- name: IMAGE\n  default: busybox:1.36\n"
				+ "manifest:\n" + manifestYaml.indent(2);
		MvcTestResult created = send(mvc, HttpMethod.POST, "/api/v1/templates", body, "application/yaml",
				TestAdmin.BEARER);
		return json(created).get("id").asLong();
	}

	static ObjectNode deployBody(long templateId, long clusterId, String namespace) {
		ObjectNode body = JsonMapper.shared()
			.createObjectNode()
			.put("templateId", templateId)
			.put("clusterId", clusterId)
			.put("namespace", namespace);
		body.putObject("values");
		return body;
	}

	static MvcTestResult deploy(MockMvcTester mvc, ObjectNode body) {
		return send(mvc, HttpMethod.POST, "/api/v1/deployments", body.toString(), MediaType.APPLICATION_JSON_VALUE,
				TestAdmin.BEARER);
	}

	/**
	 * Deploys the manifest as a new template with this IMAGE to team-a; answers the
	 * record's id.
	 */
	static long deployed(MockMvcTester mvc, long clusterId, String manifest, String image) {
		ObjectNode body = deployBody(template(mvc, manifest), clusterId, "team-a");
		body.withObject("/values").put("IMAGE", image);
		MvcTestResult deployed = deploy(mvc, body);
		assertThat(deployed).hasStatus(HttpStatus.CREATED);
		return json(deployed).get("id").asLong();
	}

	static MvcTestResult call(MockMvcTester mvc, HttpMethod method, String path) {
		return send(mvc, method, path, null, null, TestAdmin.BEARER);
	}

	static MvcTestResult send(MockMvcTester mvc, HttpMethod method, String path, String body, String contentType,
			String bearer) {
		MockMvcRequestBuilder request = mvc.method(method).uri(path).header(HttpHeaders.AUTHORIZATION, bearer);
		if (body != null) {
			request = request.contentType(contentType).content(body);
		}
		return request.exchange();
	}

	static JsonNode json(MvcTestResult result) {
		try {
			return JsonMapper.shared().readTree(result.getResponse().getContentAsString());
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String text(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString();
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The deployment's live state once it meets the condition, read again and again for
	 * up to 10 s.
	 */
	static JsonNode waitForLive(MockMvcTester mvc, long id, Predicate<JsonNode> condition) {
		return await().alias("the live state")
			.atMost(Duration.ofSeconds(10))
			.until(() -> json(call(mvc, HttpMethod.GET, "/api/v1/deployments/" + id)).get("live"), condition);
	}

}
