package io.podcomposer.templates;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.podcomposer.manifest.ManifestReader;

/**
 * What the "save as template" page sends: the manifest the composer made, the template's
 * fields, and which placeholders to declare as parameters. It is sent back whole on every
 * answer, so a refused save keeps everything the user typed.
 */
public class TemplateSaveForm {

	/** The manifest to save, as JSON. */
	String manifest;

	/** The template this edit saves a revision of; null for a new template. */
	Long templateId;

	/** The revision the edit started from. */
	Integer basedOn;

	/**
	 * The name of the template being edited when the edit started, to say which one it
	 * is.
	 */
	String editedName;

	/** True to save as a new template even when editing one. */
	boolean asNew;

	String name;

	String description;

	/** Tags, separated by commas or spaces. */
	String tags;

	String message;

	List<ParameterRow> parameters = new ArrayList<>();

	/** One placeholder of the manifest, or a declared parameter. */
	public static class ParameterRow {

		String name;

		/**
		 * Whether it is saved as a parameter; an undeclared placeholder stays as written.
		 */
		boolean declared;

		String description;

		String defaultValue;

		boolean required;

		/**
		 * Whether the manifest uses it; a declared parameter it does not use is kept all
		 * the same.
		 */
		boolean used;

		public String getName() {
			return this.name;
		}

		public boolean isDeclared() {
			return this.declared;
		}

		public String getDescription() {
			return this.description;
		}

		public String getDefaultValue() {
			return this.defaultValue;
		}

		public boolean isRequired() {
			return this.required;
		}

		public boolean isUsed() {
			return this.used;
		}

	}

	public String getManifest() {
		return this.manifest;
	}

	public Long getTemplateId() {
		return this.templateId;
	}

	public Integer getBasedOn() {
		return this.basedOn;
	}

	public String getEditedName() {
		return this.editedName;
	}

	public boolean isAsNew() {
		return this.asNew;
	}

	public String getName() {
		return this.name;
	}

	public String getDescription() {
		return this.description;
	}

	public String getTags() {
		return this.tags;
	}

	public String getMessage() {
		return this.message;
	}

	public List<ParameterRow> getParameters() {
		return this.parameters;
	}

	private static final Pattern PARAMETER_PATH = Pattern.compile("^parameters\\[(\\d+)]");

	/**
	 * The template document this form stands for, as a body {@link TemplateDocument#from}
	 * reads; only the declared rows become parameters.
	 * @throws io.podcomposer.manifest.ManifestParseException when the manifest does not
	 * read
	 */
	ObjectNode documentBody() {
		ObjectNode body = JsonNodeFactory.instance.objectNode();
		body.put("name", trimmed(this.name));
		body.put("description", blankToNull(this.description));
		body.put("message", blankToNull(this.message));
		ArrayNode tagList = body.putArray("tags");
		tagList(this.tags).forEach(tagList::add);
		ArrayNode declared = body.putArray("parameters");
		for (ParameterRow row : declaredRows()) {
			ObjectNode parameter = declared.addObject().put("name", trimmed(row.name)).put("required", row.required);
			parameter.put("description", blankToNull(row.description));
			// a form cannot tell an empty default from none: empty is none
			parameter.put("default",
					(row.defaultValue == null || row.defaultValue.isEmpty()) ? null : row.defaultValue);
		}
		body.set("manifest", ManifestReader.readJson(this.manifest));
		return body;
	}

	/**
	 * The input a problem of {@link #documentBody()} is about: {@code parameters[k]}
	 * there is the k-th declared row, which is a different row of the form when some are
	 * not declared.
	 */
	String fieldOf(String problemPath) {
		Matcher parameter = PARAMETER_PATH.matcher(problemPath);
		if (!parameter.find()) {
			return problemPath.replaceFirst("\\[\\d+]$", "");
		}
		ParameterRow row = declaredRows().get(Integer.parseInt(parameter.group(1)));
		return "parameters[" + this.parameters.indexOf(row) + "]" + problemPath.substring(parameter.end());
	}

	private List<ParameterRow> declaredRows() {
		return this.parameters.stream().filter((row) -> row.declared).toList();
	}

	/** Tags as typed: separated by commas or white space, blanks dropped. */
	static List<String> tagList(String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(text.split("[,\\s]+")).filter((tag) -> !tag.isEmpty()).distinct().toList();
	}

	private static String trimmed(String text) {
		return (text == null) ? null : text.trim();
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

	/** Whether this save makes a new revision of an existing template. */
	public boolean isRevision() {
		return this.templateId != null && !this.asNew;
	}

}
