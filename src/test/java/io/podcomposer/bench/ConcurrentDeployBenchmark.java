package io.podcomposer.bench;

import java.io.IOException;
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
 * answering each call after a delay, as a cluster across a network does: the request threads then
 * mostly wait. For each delay and each number of clients, every client deploys the template into
 * a namespace of its own, one deploy after another, for a warm-up and then a measured period;
 * it prints deploys per second, their latency and the answers other than 201. Run it once with {@code spring.threads.virtual.enabled} off and once on
 * (the first argument), in separate JVMs, to compare the request threads:
 * {@code ./mvnw -q -B -Pdeploy-load test-compile exec:exec -Ddeploy-load.virtual=true} (see the
 * profile in pom.xml). Arguments: virtual threads (true or false), the fake's delays in ms
 * ({@code 5,50}), the numbers of clients ({@code 1,16,64,256}), seconds measured per step, seconds
 * of warm-up per step, and the deploys made one at a time first for the JIT compilers.
 */
public final class ConcurrentDeployBenchmark {

	private final BenchPortal portal;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private ConcurrentDeployBenchmark(BenchPortal portal) {
		this.portal = portal;
	}

	public static void main(String[] args) throws Exception {
		boolean virtual = Boolean.parseBoolean(args[0]);
		List<Integer> delays = numbers((args.length > 1) ? args[1] : "5,50");
		List<Integer> clients = numbers((args.length > 2) ? args[2] : "1,16,64,256");
		int seconds = (args.length > 3) ? Integer.parseInt(args[3]) : 15;
		int warmUpSeconds = (args.length > 4) ? Integer.parseInt(args[4]) : 5;
		int jitDeploys = (args.length > 5) ? Integer.parseInt(args[5]) : 3_000;
		try (BenchPortal portal = BenchPortal.start(Duration.ZERO, "--spring.threads.virtual.enabled=" + virtual)) {
			for (int client = 0; client < clients.stream().mapToInt(Integer::intValue).max().orElse(0); client++) {
				portal.fake.createNamespace(namespace(client), Map.of("pod-security.kubernetes.io/enforce", "restricted"));
			}
			ConcurrentDeployBenchmark bench = new ConcurrentDeployBenchmark(portal);
			System.out.printf(Locale.ROOT,
					"Concurrent deploys: virtual threads %s, Java %s, %d cores; %d deploys one at a time first, then %d s of warm-up "
							+ "and %d s measured per step%n",
					virtual ? "on" : "off", Runtime.version(), Runtime.getRuntime().availableProcessors(), jitDeploys,
					warmUpSeconds, seconds);
			String body = portal.deployBody(namespace(0));
			for (int deploy = 0; deploy < jitDeploys; deploy++) {
				bench.deploy(body, IMAGES.get(deploy % IMAGES.size()));
			}
			System.out.println("| delay ms | clients | deploys/s | p50 ms | p95 ms | p99 ms | not 201 |");
			System.out.println("|---|---|---|---|---|---|---|");
			for (int delay : delays) {
				portal.fake.beSlow(Duration.ofMillis(delay));
				for (int count : clients) {
					bench.step(count, warmUpSeconds);
					Step step = bench.step(count, seconds);
					System.out.printf(Locale.ROOT, "| %d | %d | %.1f | %.1f | %.1f | %.1f | %s |%n", delay, count,
							step.times().length / (double) seconds, step.stats().p50(), step.stats().p95(), step.stats().p99(),
							step.failures().isEmpty() ? "0" : step.failures());
				}
			}
		}
	}

	/** {@code clients} clients deploying, one deploy after another, for {@code seconds}. */
	private Step step(int clients, int seconds) throws InterruptedException {
		long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		List<List<Long>> times = new ArrayList<>();
		Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
		List<Thread> running = new ArrayList<>();
		for (int client = 0; client < clients; client++) {
			List<Long> own = new ArrayList<>();
			times.add(own);
			String body = this.portal.deployBody(namespace(client));
			Thread thread = new Thread(() -> {
				for (int deploy = 0; System.nanoTime() < end; deploy++) {
					long start = System.nanoTime();
					String outcome;
					try {
						outcome = deploy(body, IMAGES.get(deploy % IMAGES.size()));
					}
					catch (IOException | RuntimeException ex) {
						outcome = ex.getClass().getSimpleName();
					}
					if (outcome == null) {
						own.add(System.nanoTime() - start);
					}
					else {
						failures.computeIfAbsent(outcome, key -> new AtomicInteger()).incrementAndGet();
					}
				}
			});
			thread.start();
			running.add(thread);
		}
		for (Thread thread : running) {
			thread.join();
		}
		long[] all = times.stream().flatMap(List::stream).mapToLong(Long::longValue).toArray();
		Map<String, Integer> counted = new TreeMap<>();
		failures.forEach((outcome, count) -> counted.put(outcome, count.get()));
		return new Step(all, Stats.of(all), counted);
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

	/** A step's deploy times in nanoseconds, their statistics, and how many answered what instead of 201. */
	private record Step(long[] times, Stats stats, Map<String, Integer> failures) {
	}

}
