package io.podcomposer.templates;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.data.domain.Limit;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import io.podcomposer.manifest.ManifestWriter;
import io.podcomposer.manifest.DocumentBody;

/**
 * The whole library, or the templates with one tag, as one file: a
 * {@code TemplateLibrary} with each template's name, description, tags, parameters and
 * current manifest, and who made and changed it when. {@link TemplateImport} reads it
 * back, which makes it the backup.
 * <p>
 * The file is written while the templates are read, a page at a time, so that a library
 * of any size never sits in memory whole. Manifests are written as stored, nulls and key
 * order too.
 */
@Component
class LibraryExport {

	/**
	 * Templates read per query; a manifest is a few kilobytes, so a page stays well under
	 * a megabyte.
	 */
	static final int PAGE_SIZE = 100;

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final TemplateRepository templates;

	private final Clock clock;

	LibraryExport(TemplateRepository templates, Clock clock) {
		this.templates = templates;
		this.clock = clock;
	}

	/** The file formats of an export. */
	enum Format {

		YAML(DocumentBody.YAML, "yaml"), JSON(DocumentBody.JSON, "json");

		private final MediaType mediaType;

		private final String extension;

		Format(String mediaType, String extension) {
			this.mediaType = MediaType.parseMediaType(mediaType);
			this.extension = extension;
		}

		static Format of(MediaType type) {
			return MediaType.APPLICATION_JSON.isCompatibleWith(type) ? JSON : YAML;
		}

	}

	/**
	 * Writes the library to {@code out}: every template, or those with {@code tag} when
	 * it is not blank, in the order they were made.
	 */
	void write(String tag, Format format, OutputStream out) throws IOException {
		String filter = (tag == null) ? "" : tag.trim();
		ObjectNode header = NODES.objectNode()
			.put("apiVersion", TemplateImport.LIBRARY_API_VERSION)
			.put("kind", TemplateImport.LIBRARY_KIND)
			.put("exportedAt", this.clock.instant().toString());
		if (!filter.isEmpty()) {
			header.put("tag", filter);
		}
		LibraryWriter writer = (format == Format.JSON) ? new JsonLibraryWriter(out) : new YamlLibraryWriter(out);
		writer.begin(header);
		long afterId = 0;
		List<TemplateRepository.ExportRow> page;
		do {
			page = this.templates.exportPage(afterId, filter, Limit.of(PAGE_SIZE));
			Map<Long, List<String>> tags = tags(page);
			for (TemplateRepository.ExportRow row : page) {
				writer.template(entry(row, tags.getOrDefault(row.getId(), List.of())));
				afterId = row.getId();
			}
		}
		while (page.size() == PAGE_SIZE);
		writer.end();
	}

	/**
	 * Answers the export as a download: an attachment named after what it holds and the
	 * day, as in {@code templates-logging-20260101.yaml}.
	 */
	void download(String tag, Format format, HttpServletResponse response) throws IOException {
		String day = DAY.format(this.clock.instant());
		// a plain ASCII name, whatever the tag holds, so that every browser keeps it
		String what = (tag == null || tag.isBlank()) ? "" : "-" + tag.trim().replaceAll("[^A-Za-z0-9._-]", "_");
		response.setContentType(new MediaType(format.mediaType, StandardCharsets.UTF_8).toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("templates" + what + "-" + day + "." + format.extension)
					.build()
					.toString());
		write(tag, format, response.getOutputStream());
	}

	private Map<Long, List<String>> tags(List<TemplateRepository.ExportRow> page) {
		Map<Long, List<String>> tags = new HashMap<>();
		if (page.isEmpty()) {
			return tags;
		}
		List<Long> ids = page.stream().map(TemplateRepository.ExportRow::getId).toList();
		for (TemplateRepository.TagRow row : this.templates.tagsOf(ids)) {
			tags.computeIfAbsent(row.getTemplateId(), (id) -> new ArrayList<>()).add(row.getTag());
		}
		tags.values().forEach((list) -> list.sort(null));
		return tags;
	}

	private static ObjectNode entry(TemplateRepository.ExportRow row, List<String> tags) {
		ObjectNode entry = NODES.objectNode().put("name", row.getName()).put("description", row.getDescription());
		ArrayNode tagList = entry.putArray("tags");
		tags.forEach(tagList::add);
		entry.set("parameters", TemplateService.json(row.getParameters()));
		entry.set("manifest", TemplateService.json(row.getManifest()));
		return entry.put("revision", row.getRevision())
			.put("createdAt", row.getCreatedAt().toString())
			.put("createdBy", row.getCreatedBy())
			.put("updatedAt", row.getUpdatedAt().toString())
			.put("updatedBy", row.getUpdatedBy());
	}

	/** Writes a library file piece by piece: the header, each template, the end. */
	private interface LibraryWriter {

		void begin(ObjectNode header) throws IOException;

		void template(ObjectNode entry) throws IOException;

		void end() throws IOException;

	}

	/**
	 * YAML pieces written one after another: the header's keys, then {@code templates:}
	 * and each template as a one-item list at the left margin, which together read as one
	 * list.
	 */
	private static final class YamlLibraryWriter implements LibraryWriter {

		private final Writer out;

		private boolean empty = true;

		YamlLibraryWriter(OutputStream out) {
			this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		}

		@Override
		public void begin(ObjectNode header) throws IOException {
			this.out.write(ManifestWriter.toYamlAsGiven(header));
		}

		@Override
		public void template(ObjectNode entry) throws IOException {
			if (this.empty) {
				this.out.write("templates:\n");
				this.empty = false;
			}
			this.out.write(ManifestWriter.toYamlAsGiven(NODES.arrayNode().add(entry)));
		}

		@Override
		public void end() throws IOException {
			if (this.empty) {
				this.out.write("templates: []\n");
			}
			this.out.flush();
		}

	}

	/**
	 * One JSON object, streamed: the header's fields, then the templates array an item at
	 * a time.
	 */
	private static final class JsonLibraryWriter implements LibraryWriter {

		private final JsonGenerator json;

		JsonLibraryWriter(OutputStream out) {
			this.json = JSON.createGenerator(out);
		}

		@Override
		public void begin(ObjectNode header) {
			this.json.writeStartObject();
			header.properties().forEach((field) -> {
				this.json.writeName(field.getKey());
				this.json.writeTree(field.getValue());
			});
			this.json.writeArrayPropertyStart("templates");
		}

		@Override
		public void template(ObjectNode entry) {
			this.json.writeTree(entry);
		}

		@Override
		public void end() {
			this.json.writeEndArray();
			this.json.writeEndObject();
			this.json.writeRaw('\n');
			this.json.flush();
		}

	}

}
