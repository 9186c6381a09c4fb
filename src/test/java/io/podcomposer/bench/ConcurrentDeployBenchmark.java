package io.podcomposer.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.json.JsonMapper;

import static io.podcomposer.bench.BenchPortal.IMAGES;

/**
 * Deploys from many clients at once, against the fake API server ({@link BenchPortal})
 * answering each call after a delay, as a cluster across a network does: the request
 * threads then mostly wait. For each delay and each number of clients, every client
 * deploys the template into a namespace of its own, one deploy after another, for a
 * warm-up and then a measured period, while one more client validates a pod, one call
 * after another, as the other users of the portal do; it prints deploys per second, their
 * latency, the answers other than 201, and the latency of those validate calls: whether
 * deploys waiting for a cluster hold up everyone else (Tomcat has 200 platform threads).
 * Run it once with {@code spring.threads.virtual.enabled} off and once on (the first
 * argument), in separate JVMs, to compare the request threads:
 * {@code ./mvnw -q -B -Pdeploy-load test-compile exec:exec -Ddeploy-load.virtual=true}
 * (see the profile in pom.xml). Arguments: virtual threads (true or false), the fake's
 * delays in ms ({@code 5,50,1000}: the last as a cluster that hangs), the numbers of
 * clients ({@code 1,16,64,256}), seconds measured per step, seconds of warm-up per step,
 * and the deploys made one at a time first for the JIT compilers.
 */
public final class ConcurrentDeployBenchmark {

	/** What the other users validate meanwhile. */
	private static final String VALIDATED = BenchPortal.POD.formatted("other").replace("${IMAGE}", IMAGES.get(0));

	private final BenchPortal portal;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private ConcurrentDeployBenchmark(BenchPortal portal) {
		this.portal = portal;
	}

	public static void main(String[] args) throws Exception {
		boolean virtual = Boolean.parseBoolean(args[0]);
		List<Integer> delays = numbers((args.length > 1) ? args[1] : "5,50,1000");
		List<Integer> clients = numbers((args.length > 2) ? args[2] : "1,16,64,256");
		int seconds = (args.length > 3) ? Integer.parseInt(args[3]) : 15;
		int warmUpSeconds = (args.length > 4) ? Integer.parseInt(args[4]) : 5;
		int jitDeploys = (args.length > 5) ? Integer.parseInt(args[5]) : 3_000;
		try (BenchPortal portal = BenchPortal.start(Duration.ZERO, "--spring.threads.virtual.enabled=" + virtual)) {
			for (int client = 0; client < clients.stream().mapToInt(Integer::intValue).max().orElse(0); client++) {
				portal.fake.createNamespace(namespace(client),
						Map.of("pod-security.kubernetes.io/enforce", "restricted"));
			}
			ConcurrentDeployBenchmark bench = new ConcurrentDeployBenchmark(portal);
			System.out.printf(Locale.ROOT,
					"Concurrent deploys: virtual threads %s, Java %s, %d cores, load average %.1f; %d deploys one at a time "
							+ "first, then %d s of warm-up and %d s measured per step%n",
					virtual ? "on" : "off", Runtime.version(), Runtime.getRuntime().availableProcessors(),
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), jitDeploys, warmUpSeconds,
					seconds);
			String body = portal.deployBody(namespace(0));
			for (int deploy = 0; deploy < jitDeploys; deploy++) {
				bench.deploy(body, IMAGES.get(deploy % IMAGES.size()));
			}
			System.out.println(
					"| delay ms | clients | deploys/s | p50 ms | p95 ms | p99 ms | not 201 | validate alongside, p50 ms | p99 ms |");
			System.out.println("|---|---|---|---|---|---|---|---|---|");
			for (int delay : delays) {
				portal.fake.beSlow(Duration.ofMillis(delay));
				for (int count : clients) {
					bench.step(count, warmUpSeconds);
					Step step = bench.step(count, seconds);
					Stats validate = Stats.of(step.validateTimes());
					System.out.printf(Locale.ROOT, "| %d | %d | %.1f | %.1f | %.1f | %.1f | %s | %.1f | %.1f |%n",
							delay, count, step.times().length / (double) seconds, step.stats().p50(),
							step.stats().p95(), step.stats().p99(), step.failures().isEmpty() ? "0" : step.failures(),
							validate.p50(), validate.p99());
				}
			}
			System.out.printf(Locale.ROOT, "Load average at the end: %.1f%n",
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
	}

	/**
	 * {@code clients} clients deploying, one deploy after another, for {@code seconds}.
	 */
	private Step step(int clients, int seconds) throws InterruptedException {
		long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		List<List<Long>> times = new ArrayList<>();
		Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
		List<Thread> running = new ArrayList<>();
		for (int client = 0; client < clients; client++) {
			List<Long> own = new ArrayList<>();
			times.add(own);
			String body = this.portal.deployBody(namespace(client));
			running.add(client(end, call -> deploy(body, IMAGES.get(call % IMAGES.size())), own, failures));
		}
		List<Long> validateTimes = new ArrayList<>();
		running.add(client(end, call -> validate(), validateTimes, failures));
		for (Thread thread : running) {
			thread.join();
		}
		long[] all = times.stream().flatMap(List::stream).mapToLong(Long::longValue).toArray();
		Map<String, Integer> counted = new TreeMap<>();
		failures.forEach((outcome, count) -> counted.put(outcome, count.get()));
		return new Step(all, Stats.of(all), counted, validateTimes.stream().mapToLong(Long::longValue).toArray());
	}

	/**
	 * A client making calls one after another until {@code end}: the times of those that
	 * succeeded into {@code times}, the others counted by what they answered.
	 */
	private static Thread client(long end, Call call, List<Long> times, Map<String, AtomicInteger> failures) {
		Thread thread = new Thread(() -> {
			for (int made = 0; System.nanoTime() < end; made++) {
				long start = System.nanoTime();
				String outcome;
				try {
					outcome = call.make(made);
				}
				catch (IOException | RuntimeException ex) {
					outcome = ex.getClass().getSimpleName();
				}
				if (outcome == null) {
					times.add(System.nanoTime() - start);
				}
				else {
					failures.computeIfAbsent(outcome, key -> new AtomicInteger()).incrementAndGet();
				}
			}
		});
		thread.start();
		return thread;
	}

	/** One validate call; null when it answered 200, else what it answered. */
	private String validate() throws IOException {
		int status = this.portal.post(this.http, "/api/v1/validate", "application/yaml", VALIDATED).statusCode();
		return (status == 200) ? null : "validate " + status;
	}

	/** One deploy of the image; null when it was applied, else the status it answered. */
	private String deploy(String body, String image) throws IOException {
		HttpResponse<String> response = this.portal.post(this.http, "/api/v1/deployments", "application/json",
				body.formatted(image));
		if (response.statusCode() != 201) {
			return String.valueOf(response.statusCode());
		}
		String status = JsonMapper.shared().readTree(response.body()).get("status").asString();
		return status.equals("Applied") ? null : status;
	}

	private static String namespace(int client) {
		return "bench-" + client;
	}

	private static List<Integer> numbers(String list) {
		return Arrays.stream(list.split(",")).map(String::trim).map(Integer::valueOf).toList();
	}

	/**
	 * One call of a client, the how-manieth; null when it succeeded, else what it
	 * answered.
	 */
	private interface Call {

		String make(int made) throws IOException;

	}

	/**
	 * A step's deploy times in nanoseconds, their statistics, how many answered what
	 * instead of 201 (or 200 for validate), and the times of the validate calls
	 * alongside.
	 */
	private record Step(long[] times, Stats stats, Map<String, Integer> failures, long[] validateTimes) {
	}

}
