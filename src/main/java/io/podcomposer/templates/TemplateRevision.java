package io.podcomposer.templates;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * One saved state of a template, never changed: the manifest as JSON text, stored whole,
 * its parameters and the description and tags it was saved with.
 */
@Entity
@Immutable
@Table(name = "template_revision")
class TemplateRevision {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "template_id", nullable = false)
	private Long templateId;

	@Column(name = "revision", nullable = false)
	private int number;

	@Column(nullable = false, length = 1048576)
	private String manifest;

	@Column(nullable = false, length = 1048576)
	private String parameters;

	@Column(length = 2000)
	private String description;

	/** The tags, as {@link Template#tagText} writes them. */
	@Column(name = "tag_text", nullable = false, length = 1048576)
	private String tagText;

	@Column(nullable = false, length = 64)
	private String author;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(length = 1000)
	private String message;

	protected TemplateRevision() {
	}

	TemplateRevision(Template template, String manifest, String author, String message) {
		this.templateId = template.getId();
		this.number = template.getRevision();
		this.manifest = manifest;
		this.parameters = template.getParameters();
		this.description = template.getDescription();
		this.tagText = Template.tagText(template.getTags());
		this.author = author;
		this.createdAt = template.getUpdatedAt();
		this.message = message;
	}

	Long getTemplateId() {
		return this.templateId;
	}

	int getNumber() {
		return this.number;
	}

	String getManifest() {
		return this.manifest;
	}

	String getParameters() {
		return this.parameters;
	}

	String getDescription() {
		return this.description;
	}

	/** The tags, A to Z. */
	List<String> getTags() {
		return Template.tags(this.tagText);
	}

	String getAuthor() {
		return this.author;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	String getMessage() {
		return this.message;
	}

}
