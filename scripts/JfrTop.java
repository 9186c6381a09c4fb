import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording's CPU samples went, for the threads whose names start with a prefix: the
 * top frames, and the methods of one package counted once a sample wherever they are on the
 * stack (inclusive). Record with the deploy overhead benchmark, for example:
 *
 * <pre>
 * ./mvnw -q -B -Pdeploy-bench test-compile exec:exec \
 *   "-Ddeploy-bench.jvmArgs=-XX:FlightRecorderOptions:stackdepth=256 -XX:StartFlightRecording=filename=target/deploy.jfr,settings=profile"
 * java scripts/JfrTop.java target/deploy.jfr http-nio io.podcomposer
 * </pre>
 *
 * Arguments: the recording, the thread name prefix (Tomcat's request threads: http-nio), the
 * package of the inclusive list (io.podcomposer), and how many lines of each (25).
 */
public class JfrTop {

	public static void main(String[] args) throws Exception {
		String prefix = (args.length > 1) ? args[1] : "http-nio";
		String inclusivePackage = (args.length > 2) ? args[2] : "io.podcomposer";
		int lines = (args.length > 3) ? Integer.parseInt(args[3]) : 25;
		Map<String, Integer> top = new HashMap<>();
		Map<String, Integer> inclusive = new HashMap<>();
		int samples = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
			if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
				continue;
			}
			String thread = event.getThread("sampledThread").getJavaName();
			if (thread == null || !thread.startsWith(prefix)) {
				continue;
			}
			samples++;
			Set<String> seen = new HashSet<>();
			boolean first = true;
			for (RecordedFrame frame : event.getStackTrace().getFrames()) {
				String method = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
				if (first) {
					top.merge(method, 1, Integer::sum);
					first = false;
				}
				if (method.startsWith(inclusivePackage) && seen.add(method)) {
					inclusive.merge(method, 1, Integer::sum);
				}
			}
		}
		System.out.println(samples + " samples on threads " + prefix + "*");
		print("top frames", top, samples, lines);
		print("inclusive, " + inclusivePackage, inclusive, samples, lines);
	}

	private static void print(String title, Map<String, Integer> counts, int samples, int lines) {
		System.out.println("--- " + title);
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(lines)
			.forEach((entry) -> System.out.printf("%6d %5.1f%% %s%n", entry.getValue(),
					100.0 * entry.getValue() / samples, entry.getKey()));
	}

}
