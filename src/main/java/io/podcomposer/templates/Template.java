package io.podcomposer.templates;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;

/**
 * A template of the library: what it is called and how it is found. Its manifest is kept
 * in its revisions, so that listing templates never loads one.
 */
@Entity
@Table(name = "template")
class Template {

	/**
	 * Tags hold no line breaks (see TemplateDocument), so one ends a tag in
	 * {@code tag_text}.
	 */
	static final String TAG_LINE_BREAK = "\n";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = 253)
	private String name;

	@Column(length = 2000)
	private String description;

	// a page of templates loads its tags in one query, not one per template
	@BatchSize(size = 200)
	@ElementCollection
	@CollectionTable(name = "template_tag", joinColumns = @JoinColumn(name = "template_id"))
	@Column(name = "tag", nullable = false, length = 63)
	private Set<String> tags = new TreeSet<>();

	/**
	 * Name, description and tags in lower case, in one column, so that a search reads one
	 * column of each row rather than three and the tag table.
	 */
	@Column(name = "search_text", nullable = false, length = 1048576)
	private String searchText;

	/**
	 * The tags, each between two line breaks, as in {@code "\nlogging\nsidecar\n"}, so
	 * that the tag filter tests the same row as the search and not the tag table.
	 */
	@Column(name = "tag_text", nullable = false, length = 1048576)
	private String tagText;

	/** The parameters of the current revision, as JSON. */
	@Column(nullable = false, length = 1048576)
	private String parameters;

	/** The kind of the current revision's manifest, as {@code kind:} writes it. */
	@Column(length = 32)
	private String kind;

	/** The Pod Security level the current revision's pod satisfies. */
	@Column(name = "pod_security_level", length = 16)
	private String podSecurityLevel;

	/** The number of the current revision. */
	@Column(nullable = false)
	private int revision;

	/** Guards concurrent saves: of two writers of the same revision, the second fails. */
	@Version
	@Column(nullable = false)
	private long version;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "created_by", nullable = false, length = 64)
	private String createdBy;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "updated_by", nullable = false, length = 64)
	private String updatedBy;

	protected Template() {
	}

	Template(String actor, Instant at) {
		this.createdAt = at;
		this.createdBy = actor;
	}

	/** Takes the document's fields as the next revision's. */
	void change(TemplateDocument document, String parametersJson, String kind, String podSecurityLevel, String actor,
			Instant at) {
		this.name = document.name();
		this.kind = kind;
		this.podSecurityLevel = podSecurityLevel;
		this.description = document.description();
		this.tags.clear();
		this.tags.addAll(document.tags());
		this.searchText = searchText();
		this.tagText = tagText(this.tags);
		this.parameters = parametersJson;
		this.revision++;
		this.updatedAt = at;
		this.updatedBy = actor;
	}

	/** Tags as {@code tag_text} keeps them, A to Z: {@code "\nlogging\nsidecar\n"}. */
	static String tagText(Collection<String> tags) {
		return TAG_LINE_BREAK + String.join(TAG_LINE_BREAK, new TreeSet<>(tags)) + TAG_LINE_BREAK;
	}

	/** The tags of a {@code tag_text}, A to Z. */
	static List<String> tags(String tagText) {
		return Arrays.stream(tagText.split(TAG_LINE_BREAK)).filter((tag) -> !tag.isEmpty()).sorted().toList();
	}

	/**
	 * What the tag filter looks for in {@code tag_text}: the tag on a line of its own.
	 */
	static String tagLine(String tag) {
		return TAG_LINE_BREAK + tag + TAG_LINE_BREAK;
	}

	/** What a search looks in, as {@code V5} wrote it for the templates saved before. */
	private String searchText() {
		String description = (this.description != null) ? this.description : "";
		return (this.name + " " + description + " " + String.join(" ", new TreeSet<>(this.tags)))
			.toLowerCase(Locale.ROOT);
	}

	Long getId() {
		return this.id;
	}

	String getName() {
		return this.name;
	}

	String getDescription() {
		return this.description;
	}

	Set<String> getTags() {
		return this.tags;
	}

	String getParameters() {
		return this.parameters;
	}

	String getKind() {
		return this.kind;
	}

	String getPodSecurityLevel() {
		return this.podSecurityLevel;
	}

	int getRevision() {
		return this.revision;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	String getCreatedBy() {
		return this.createdBy;
	}

	Instant getUpdatedAt() {
		return this.updatedAt;
	}

	String getUpdatedBy() {
		return this.updatedBy;
	}

}
