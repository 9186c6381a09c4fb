package io.podcomposer.compose;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.dialect.SpringStandardDialect;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders {@code fragments/picture :: picture(picture)} without Spring, with the
 * expression language the portal uses (SpEL); other tests render their fragments the same
 * way.
 */
class PictureFragmentTest {

	static String render(PodPicture picture) {
		return render("fragments/picture", "picture(picture)", Map.of("picture", picture));
	}

	/** One fragment of a page's template, with the given variables. */
	static String render(String template, String fragment, Map<String, Object> variables) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		TemplateEngine engine = new TemplateEngine();
		engine.setDialect(new SpringStandardDialect());
		engine.setTemplateResolver(resolver);
		return engine.process(template, Set.of(fragment), new Context(null, variables));
	}

	@Test
	void drawsTheSharedVolumePod() {
		String svg = render(PodPictureTest.picture(PodPictureTest.SHARED_DATA));

		assertThat(svg).startsWith("<svg").contains("viewBox=\"0 0 600 ").contains("aria-label=\"Pod shared: ");
		assertThat(svg).contains(">writer</text>", ">reader</text>", ">/data rw</text>", ">shared ×2</text>");
		assertThat(svg).contains("class=\"pp-link pp-link--shared\" d=\"M",
				"<title>writer mounts data at /data</title>");
		// Parts the picture lacks (here a role tag, a hint, warnings) are left out, not
		// drawn empty.
		assertThat(svg).doesNotContain("th:", "pp-role", "pp-hint", "pp-warning");
	}

	@Test
	void escapesEveryText() {
		PodPicture picture = PodPictureTest.picture("""
				apiVersion: v1
				kind: Pod
				metadata: {name: "x\\" onload=\\"alert(1)"}
				spec:
				  containers:
				  - name: <script>alert(1)</script>
				    image: a&b
				""");

		String svg = render(picture);

		assertThat(svg).doesNotContain("<script>").doesNotContain("\" onload=\"");
		assertThat(svg).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "a&amp;b");
	}

}
