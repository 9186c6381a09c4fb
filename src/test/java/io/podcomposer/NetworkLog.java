package io.podcomposer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a browser fetched, read from Chromium's performance log (the DevTools network
 * events ChromeDriver records when {@link #record} is set on its options).
 */
public final class NetworkLog {

	/**
	 * How long the network must stay quiet, with nothing in flight, for a load to count
	 * as done.
	 */
	private static final Duration QUIET = Duration.ofMillis(700);

	private static final Duration LIMIT = Duration.ofSeconds(15);

	private NetworkLog() {
	}

	/**
	 * One request as the browser saw it; {@code bytes} is what came over the wire,
	 * headers included.
	 */
	public record Request(String url, String method, String type, int status, boolean fromCache, long bytes,
			long sentBodyBytes) {

		/**
		 * Whether it reached the server (a 304 does; a hit in the browser's cache does
		 * not).
		 */
		public boolean overNetwork() {
			return !this.fromCache;
		}

	}

	/** Turns the performance log on. */
	public static void record(ChromeOptions options) {
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.PERFORMANCE, Level.ALL);
		options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
	}

	/** Forgets what was logged so far. */
	public static void clear(WebDriver driver) {
		driver.manage().logs().get(LogType.PERFORMANCE);
	}

	/**
	 * The requests logged since the last call, once every one of them has finished and
	 * nothing new has started for a moment (scripts may fetch after the page's load
	 * event).
	 */
	public static List<Request> settle(WebDriver driver) {
		Map<String, Pending> requests = new LinkedHashMap<>();
		List<Request> done = new ArrayList<>();
		long deadline = System.nanoTime() + LIMIT.toNanos();
		long quietSince = System.nanoTime();
		while (System.nanoTime() < deadline) {
			List<LogEntry> entries = driver.manage().logs().get(LogType.PERFORMANCE).getAll();
			for (LogEntry entry : entries) {
				read(JsonMapper.shared().readTree(entry.getMessage()).path("message"), requests, done);
			}
			if (!entries.isEmpty() || requests.values().stream().anyMatch((request) -> !request.finished)) {
				quietSince = System.nanoTime();
			}
			else if (System.nanoTime() - quietSince > QUIET.toNanos()) {
				requests.values().forEach((request) -> done.add(request.toRequest()));
				return done;
			}
			pause();
		}
		throw new IllegalStateException("requests still in flight after " + LIMIT + ": "
				+ requests.values()
					.stream()
					.filter((request) -> !request.finished)
					.map((request) -> request.url)
					.toList());
	}

	private static void read(JsonNode message, Map<String, Pending> requests, List<Request> done) {
		JsonNode params = message.path("params");
		String id = params.path("requestId").asString("");
		switch (message.path("method").asString("")) {
			case "Network.requestWillBeSent" -> {
				String url = params.path("request").path("url").asString();
				if (url.startsWith("data:")) {
					return;
				}
				Pending earlier = requests.remove(id);
				if (earlier != null && params.has("redirectResponse")) {
					// a redirect reuses the request's id: the hop before it is a request
					// of its own
					earlier.received(params.path("redirectResponse"));
					earlier.bytes = params.path("redirectResponse").path("encodedDataLength").asLong();
					done.add(earlier.toRequest());
				}
				Pending request = new Pending(url, params.path("request").path("method").asString(),
						params.path("type").asString(""));
				request.sentBodyBytes = params.path("request")
					.path("postData")
					.asString("")
					.getBytes(StandardCharsets.UTF_8).length;
				requests.put(id, request);
			}
			case "Network.requestServedFromCache" -> with(requests, id, (request) -> request.fromCache = true);
			case "Network.responseReceived" ->
				with(requests, id, (request) -> request.received(params.path("response")));
			case "Network.loadingFinished" -> with(requests, id, (request) -> {
				request.bytes = params.path("encodedDataLength").asLong();
				request.finished = true;
			});
			case "Network.loadingFailed" -> with(requests, id, (request) -> request.finished = true);
			default -> {
			}
		}
	}

	private static void with(Map<String, Pending> requests, String id, Consumer<Pending> change) {
		Pending request = requests.get(id);
		if (request != null) {
			change.accept(request);
		}
	}

	/**
	 * Between reads of the browser's log: quiet for a while is the condition, so time
	 * itself is waited for.
	 */
	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static final class Pending {

		private final String url;

		private final String method;

		private final String type;

		private int status;

		private boolean fromCache;

		private boolean finished;

		private long bytes;

		private long sentBodyBytes;

		Pending(String url, String method, String type) {
			this.url = url;
			this.method = method;
			this.type = type;
		}

		void received(JsonNode response) {
			this.status = response.path("status").asInt();
			this.fromCache |= response.path("fromDiskCache").asBoolean(false)
					|| response.path("fromPrefetchCache").asBoolean(false)
					|| response.path("fromServiceWorker").asBoolean(false);
		}

		Request toRequest() {
			return new Request(this.url, this.method, this.type, this.status, this.fromCache, this.bytes,
					this.sentBodyBytes);
		}

	}

}
