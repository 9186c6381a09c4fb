import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template library at scale, for scripts/template-scale.sh. Runs as a single-file program:
 * <pre>
 * java -cp h2.jar scripts/TemplateScale.java seed JDBC_URL COUNT
 * java -cp postgresql.jar scripts/TemplateScale.java seed JDBC_URL COUNT
 * java scripts/TemplateScale.java measure BASE_URL REPETITIONS WARM_UP_SECONDS PATH...
 * </pre>
 * {@code seed} writes COUNT templates straight into a stopped portal's database, as the portal
 * would store them: a template row with its tags and one revision; as the user in
 * SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD when set (the portal's), else H2's sa.
 * {@code measure} first calls every path in turn for WARM_UP_SECONDS, so that the portal is
 * measured with its code compiled as it runs for days (on 2 cores the JIT takes tens of seconds),
 * then calls each path REPETITIONS times, one call at a time, and prints the latency percentiles
 * of each path and of all calls together. Paths under
 * {@code /api/} go with the bearer token in PODCOMPOSER_ADMIN_TOKEN; other paths are pages, for
 * which it signs in as admin with PODCOMPOSER_ADMIN_PASSWORD.
 */
public class TemplateScale {

	/** Words each in about one template in 10,000: one of them goes into every 1,000th description. */
	static final String[] RARE = { "zircon", "quartz", "basalt", "gneiss", "schist", "marble", "slate", "pumice",
			"obsidian", "jasper" };

	static final String[] TEAMS = { "payments", "search", "checkout", "identity", "catalog", "shipping",
			"billing", "fraud", "ledger", "notifications", "reporting", "inventory", "pricing", "loyalty", "support",
			"analytics", "platform", "mobile", "partners", "compliance" };

	static final String[] COMPONENTS = { "nginx", "redis", "postgres", "kafka", "worker", "api", "gateway", "cache",
			"exporter", "proxy", "scheduler", "indexer", "consumer", "producer", "frontend" };

	static final String[] ENVIRONMENTS = { "dev", "staging", "prod" };

	static final String[] WORDS = ("serves handles keeps sends reads writes the a with for behind in front of "
			+ "traffic requests logs metrics events orders users sessions jobs files messages queue cluster node "
			+ "sidecar volume shared memory port probe restart limit replica rollout canary blue green region zone "
			+ "tls certificate token secret config map cron nightly hourly batch stream backup restore")
		.split(" ");

	public static void main(String[] args) throws Exception {
		if (args.length >= 3 && args[0].equals("seed")) {
			seed(args[1], Integer.parseInt(args[2]));
		}
		else if (args.length >= 5 && args[0].equals("measure")) {
			measure(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]),
					Arrays.asList(args).subList(4, args.length));
		}
		else {
			System.err.println("usage: seed JDBC_URL COUNT | measure BASE_URL REPETITIONS WARM_UP_SECONDS PATH...");
			System.exit(2);
		}
	}

	// ---- seeding

	static void seed(String url, int count) throws Exception {
		long started = System.nanoTime();
		Random random = new Random(42);
		Instant now = Instant.now();
		String user = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "sa");
		String password = System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "");
		try (Connection db = DriverManager.getConnection(url, user, password)) {
			db.setAutoCommit(false);
			long firstId = nextId(db);
			try (PreparedStatement template = db.prepareStatement("""
					insert into template (id, name, description, parameters, kind, pod_security_level, revision, version,
					  created_at, created_by, updated_at, updated_by, search_text, tag_text)
					values (?, ?, ?, ?, ?, ?, 1, 0, ?, ?, ?, ?, ?, ?)""");
					PreparedStatement tag = db.prepareStatement("insert into template_tag (template_id, tag) values (?, ?)");
					PreparedStatement revision = db.prepareStatement("""
							insert into template_revision (template_id, revision, manifest, parameters, author, created_at, message)
							values (?, 1, ?, ?, ?, ?, 'seeded')""")) {
				for (int i = 0; i < count; i++) {
					long id = firstId + i;
					String team = TEAMS[random.nextInt(TEAMS.length)];
					String component = COMPONENTS[random.nextInt(COMPONENTS.length)];
					String name = team + "-" + component + "-" + i;
					String description = description(random, component, i);
					TreeSet<String> tags = new TreeSet<>(List.of("team-" + team, component,
							ENVIRONMENTS[random.nextInt(ENVIRONMENTS.length)]));
					String author = "user" + random.nextInt(200);
					Timestamp at = Timestamp.from(now.minusSeconds(random.nextInt(3 * 365 * 24 * 3600)));
					String parameters = "[{\"name\":\"IMAGE_TAG\",\"default\":\"1." + random.nextInt(30)
							+ "\",\"required\":false}]";
					template.setLong(1, id);
					template.setString(2, name);
					template.setString(3, description);
					template.setString(4, parameters);
					template.setString(5, "Pod");
					template.setString(6, ENVIRONMENTS[i % 3].equals("prod") ? "restricted" : "baseline");
					template.setTimestamp(7, at);
					template.setString(8, author);
					template.setTimestamp(9, at);
					template.setString(10, author);
					// as Template keeps them: name, description and the sorted tags in lower case; each tag on a line
					template.setString(11, (name + " " + description + " " + String.join(" ", tags)).toLowerCase(Locale.ROOT));
					template.setString(12, "\n" + String.join("\n", tags) + "\n");
					template.addBatch();
					for (String t : tags) {
						tag.setLong(1, id);
						tag.setString(2, t);
						tag.addBatch();
					}
					revision.setLong(1, id);
					revision.setString(2, manifest(name, component));
					revision.setString(3, parameters);
					revision.setString(4, author);
					revision.setTimestamp(5, at);
					revision.addBatch();
					if ((i + 1) % 5_000 == 0 || i == count - 1) {
						template.executeBatch();
						tag.executeBatch();
						revision.executeBatch();
						db.commit();
					}
				}
			}
			// identity columns go on after the rows given their ids here
			try (Statement statement = db.createStatement()) {
				statement.execute("alter table template alter column id restart with " + (firstId + count));
			}
			db.commit();
			if (url.startsWith("jdbc:postgresql:")) {
				// the statistics autovacuum would gather soon after so many rows, before the first search
				db.setAutoCommit(true);
				try (Statement statement = db.createStatement()) {
					statement.execute("vacuum analyze");
				}
			}
		}
		System.out.printf(Locale.ROOT, "seeded %,d templates in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
	}

	static long nextId(Connection db) throws Exception {
		try (Statement statement = db.createStatement();
				ResultSet max = statement.executeQuery("select coalesce(max(id), 0) + 1 from template")) {
			max.next();
			return max.getLong(1);
		}
	}

	static String description(Random random, String component, int i) {
		StringBuilder text = new StringBuilder("The ").append(component);
		int words = 8 + random.nextInt(14);
		for (int w = 0; w < words; w++) {
			text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
		}
		if (i % 1_000 == 0) {
			text.append(' ').append(RARE[(i / 1_000) % RARE.length]);
		}
		return text.append('.').toString();
	}

	static String manifest(String name, String component) {
		return """
				{"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s","labels":{"app":"%s"}},"spec":{"containers":[\
				{"name":"%s","image":"registry.example.com/%s:${IMAGE_TAG}","ports":[{"name":"http","containerPort":8080}],\
				"readinessProbe":{"httpGet":{"path":"/healthz","port":"http"}},\
				"resources":{"requests":{"cpu":"100m","memory":"128Mi"},"limits":{"memory":"256Mi"}}},\
				{"name":"log-shipper","image":"fluent/fluent-bit:3.1","volumeMounts":[{"name":"logs","mountPath":"/logs","readOnly":true}]}],\
				"volumes":[{"name":"logs","emptyDir":{}}]}}""".formatted(name, component, component, component);
	}

	// ---- measuring

	static void measure(String base, int repetitions, int warmUpSeconds, List<String> paths) throws Exception {
		HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		String token = System.getenv("PODCOMPOSER_ADMIN_TOKEN");
		int width = paths.stream().mapToInt(String::length).max().orElse(4);
		String heading = "%-" + width + "s %6s %8s %8s %8s %8s  %s%n";
		String row = "%-" + width + "s %6d %8.1f %8.1f %8.1f %8.1f  %s%n";
		System.out.printf(Locale.ROOT, heading, "path", "calls", "p50 ms", "p95 ms", "p99 ms", "max ms", "answer");
		List<Double> all = new ArrayList<>();
		if (paths.stream().anyMatch((path) -> !path.startsWith("/api/"))) {
			signIn(http, base);
		}
		long warmUpEnd = System.nanoTime() + Duration.ofSeconds(warmUpSeconds).toNanos();
		for (int call = 0; System.nanoTime() < warmUpEnd; call++) {
			for (String path : paths) {
				http.send(request(base, path, call, !path.startsWith("/api/"), token), HttpResponse.BodyHandlers.discarding());
			}
		}
		for (String path : paths) {
			boolean page = !path.startsWith("/api/");
			HttpResponse<String> first = http.send(request(base, path, 0, page, token), HttpResponse.BodyHandlers.ofString());
			String answer = first.statusCode() + " " + summary(first);
			if (first.statusCode() != 200) {
				System.out.printf(Locale.ROOT, heading, path, "-", "-", "-", "-", "-", answer);
				continue;
			}
			int warmUp = Math.max(20, repetitions / 5);
			for (int i = 0; i < warmUp; i++) {
				http.send(request(base, path, repetitions + i, page, token), HttpResponse.BodyHandlers.ofString());
			}
			double[] millis = new double[repetitions];
			for (int i = 0; i < repetitions; i++) {
				HttpRequest call = request(base, path, i, page, token);
				long start = System.nanoTime();
				HttpResponse<String> response = http.send(call, HttpResponse.BodyHandlers.ofString());
				millis[i] = (System.nanoTime() - start) / 1e6;
				all.add(millis[i]);
				if (response.statusCode() != 200) {
					throw new IllegalStateException(call.uri() + " answered " + response.statusCode());
				}
			}
			Arrays.sort(millis);
			System.out.printf(Locale.ROOT, row, path, repetitions,
					percentile(millis, 50), percentile(millis, 95), percentile(millis, 99), millis[millis.length - 1],
					answer);
		}
		double[] overall = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		if (overall.length > 0) {
			System.out.printf(Locale.ROOT, row, "all calls", overall.length, percentile(overall, 50),
					percentile(overall, 95), percentile(overall, 99), overall[overall.length - 1], "");
		}
	}

	static final Pattern CHOICE = Pattern.compile("\\{([^}]*)}");

	/**
	 * The {@code call}th request of a path, in which {@code {a|b|c}} takes its alternatives in turn
	 * and {@code {n}} is the number of the call: the same search again and again would measure
	 * the database's cache of the last result.
	 */
	static HttpRequest request(String base, String path, int call, boolean page, String token) {
		String expanded = CHOICE.matcher(path).replaceAll((choice) -> {
			String[] alternatives = choice.group(1).split("\\|");
			return alternatives[0].equals("n") ? Integer.toString(call) : alternatives[call % alternatives.length];
		});
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + expanded)).timeout(Duration.ofSeconds(30));
		if (!page) {
			request.header("Authorization", "Bearer " + token);
		}
		return request.build();
	}

	/** The nearest-rank percentile of sorted values. */
	static double percentile(double[] sorted, int p) {
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(rank - 1, 0)];
	}

	static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");

	static String summary(HttpResponse<String> response) {
		Matcher total = TOTAL.matcher(response.body());
		return total.find() ? "total " + total.group(1) : response.body().length() + " chars";
	}

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

	/** Signs in to the pages as admin; the client keeps the session cookie. */
	static void signIn(HttpClient http, String base) throws Exception {
		String password = System.getenv("PODCOMPOSER_ADMIN_PASSWORD");
		if (password == null || password.isEmpty()) {
			throw new IllegalStateException("set PODCOMPOSER_ADMIN_PASSWORD to measure pages");
		}
		HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher csrf = CSRF.matcher(login.body());
		if (!csrf.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		String form = "username=admin&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode((csrf.group(1) != null) ? csrf.group(1) : csrf.group(2), StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		String location = signedIn.headers().firstValue("Location").orElse("");
		if (signedIn.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("signing in as admin failed: " + signedIn.statusCode() + " " + location);
		}
	}

}
