import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The composer's live-preview request, for scripts/load.sh. Runs as a single-file program:
 * <pre>
 * java scripts/load/ComposerForm.java BASE_URL POD_YAML OUT_DIR
 * </pre>
 * Imports the pod as a template (bearer token PODCOMPOSER_ADMIN_TOKEN), signs in as admin
 * (PODCOMPOSER_ADMIN_PASSWORD), opens the template in the composer and serialises the editor
 * form as a browser does when a field changes. Writes OUT_DIR/preview.form (the body the page
 * posts to /compose/preview) and OUT_DIR/cookie (the session), after checking that the portal
 * answers that body with a preview.
 */
public class ComposerForm {

	static final Pattern FORM = Pattern.compile("<form\\b[^>]*hx-post=\"/compose/preview\"[^>]*>(.*?)</form>",
			Pattern.DOTALL);

	static final Pattern FIELD = Pattern.compile(
			"<input\\b([^>]*)>|<textarea\\b([^>]*)>(.*?)</textarea>|<select\\b([^>]*)>(.*?)</select>", Pattern.DOTALL);

	/** Rows the page copies when one is added: inert, not part of the form. */
	static final Pattern ROW_TEMPLATE = Pattern.compile("<template\\b.*?</template>", Pattern.DOTALL);

	static final Pattern SELECTED = Pattern.compile("<option\\b([^>]*\\bselected\\b[^>]*)>");

	static final Pattern CSRF = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String pod = Files.readString(Path.of(args[1]));
		Path out = Path.of(args[2]);
		CookieManager cookies = new CookieManager();
		HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

		HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/templates/import"))
			.header("Authorization", "Bearer " + System.getenv("PODCOMPOSER_ADMIN_TOKEN"))
			.header("Content-Type", "application/yaml")
			.POST(HttpRequest.BodyPublishers.ofString(pod))
			.build(), HttpResponse.BodyHandlers.ofString());
		Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(imported.body());
		if (imported.statusCode() != 201 || !id.find()) {
			throw new IllegalStateException("import answered " + imported.statusCode() + ": " + imported.body());
		}

		String login = get(http, base + "/login");
		Matcher csrf = CSRF.matcher(login);
		if (!csrf.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		post(http, base + "/login", "username=admin&password=" + encode(System.getenv("PODCOMPOSER_ADMIN_PASSWORD"))
				+ "&_csrf=" + encode(unescape(csrf.group(1))), false);

		Matcher form = FORM.matcher(get(http, base + "/templates/" + id.group(1) + "/edit"));
		if (!form.find()) {
			throw new IllegalStateException("no composer form on the template's edit page (signed in?)");
		}
		String body = serialise(form.group(1));
		HttpResponse<String> preview = post(http, base + "/compose/preview", body, true);
		if (preview.statusCode() != 200 || !preview.body().contains("id=\"preview-yaml\"")) {
			throw new IllegalStateException("the preview answered " + preview.statusCode() + " to " + body + ": "
					+ preview.body().substring(0, Math.min(2000, preview.body().length())));
		}
		Files.writeString(out.resolve("preview.form"), body);
		StringBuilder cookie = new StringBuilder();
		for (HttpCookie c : cookies.getCookieStore().getCookies()) {
			cookie.append(cookie.isEmpty() ? "" : "; ").append(c.getName()).append('=').append(c.getValue());
		}
		Files.writeString(out.resolve("cookie"), cookie);
		System.out.println("preview form: " + body.length() + " bytes, answer " + preview.body().length() + " bytes");
	}

	/** The form's successful controls, in document order, as application/x-www-form-urlencoded. */
	static String serialise(String form) {
		List<String> pairs = new ArrayList<>();
		Matcher field = FIELD.matcher(ROW_TEMPLATE.matcher(form).replaceAll(""));
		while (field.find()) {
			if (field.group(1) != null) {
				String attributes = field.group(1);
				String type = attribute(attributes, "type");
				boolean checkable = "checkbox".equals(type) || "radio".equals(type);
				if (List.of("submit", "button", "reset", "file", "image").contains(type)
						|| (checkable && !has(attributes, "checked"))) {
					continue;
				}
				String value = attribute(attributes, "value");
				add(pairs, attributes, (value != null) ? value : (checkable ? "on" : ""));
			}
			else if (field.group(2) != null) {
				add(pairs, field.group(2), unescape(field.group(3).replaceFirst("^\n", "")));
			}
			else {
				Matcher selected = SELECTED.matcher(field.group(5));
				if (selected.find()) {
					add(pairs, field.group(4), attribute(selected.group(1), "value"));
				}
			}
		}
		return String.join("&", pairs);
	}

	static void add(List<String> pairs, String attributes, String value) {
		String name = attribute(attributes, "name");
		if (name != null && !has(attributes, "disabled")) {
			pairs.add(encode(name) + "=" + encode(value));
		}
	}

	static String attribute(String attributes, String name) {
		Matcher m = Pattern.compile("(?:^|\\s)" + name + "=\"([^\"]*)\"").matcher(attributes);
		return m.find() ? unescape(m.group(1)) : null;
	}

	static boolean has(String attributes, String name) {
		return Pattern.compile("(?:^|\\s)" + name + "(?:[\\s=]|$)").matcher(attributes).find();
	}

	static String unescape(String html) {
		return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
			.replace("&amp;", "&");
	}

	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	static String get(HttpClient http, String url) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
	}

	static HttpResponse<String> post(HttpClient http, String url, String form, boolean htmx) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
		if (htmx) {
			request.header("HX-Request", "true");
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
