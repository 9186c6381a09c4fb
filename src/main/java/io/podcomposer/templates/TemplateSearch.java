package io.podcomposer.templates;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.podcomposer.system.DomainException;
import io.podcomposer.system.DomainException.Kind;
import io.podcomposer.system.Paging;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds templates in the library by the words of their name, description and tags, and by
 * tag.
 */
@Service
class TemplateSearch {

	/** The most words a search takes: each is a condition of the query. */
	static final int MAX_SEARCH_WORDS = 20;

	private final TemplateRepository templates;

	TemplateSearch(TemplateRepository templates) {
		this.templates = templates;
	}

	/**
	 * Templates whose name, description or tags contain each word of {@code q}, ignoring
	 * case, in any order; by name, or newest change first.
	 * @throws DomainException malformed for more than {@value #MAX_SEARCH_WORDS} words
	 */
	@Transactional(readOnly = true)
	TemplateViews.Page search(String q, String tag, SortOrder order, int page, int size) {
		PageRequest request = Paging.of(page, size, order.sort());
		List<String> words = searchWords(q);
		String tagged = (tag == null) ? "" : tag.trim();
		org.springframework.data.domain.Page<Long> found = found(words, tagged, request);
		Map<Long, Template> byId = new HashMap<>();
		this.templates.findAllById(found.getContent()).forEach((template) -> byId.put(template.getId(), template));
		// in the order found; one deleted since is left out
		List<TemplateViews.Summary> items = found.getContent()
			.stream()
			.filter(byId::containsKey)
			.map((id) -> TemplateViews.Summary.of(byId.get(id)))
			.toList();
		return new TemplateViews.Page(items, request.getPageNumber(), request.getPageSize(), found.getTotalElements());
	}

	/** The words of a search, in lower case, each once. */
	private static List<String> searchWords(String q) {
		String text = (q == null) ? "" : q.trim().toLowerCase(Locale.ROOT);
		List<String> words = text.isEmpty() ? List.of() : Arrays.stream(text.split("\\s+")).distinct().toList();
		if (words.size() > MAX_SEARCH_WORDS) {
			throw new DomainException(Kind.MALFORMED,
					"q may hold at most " + MAX_SEARCH_WORDS + " words, not " + words.size());
		}
		return words;
	}

	/**
	 * The ids of a page of the templates found, from the query for what the search
	 * filters by.
	 */
	private org.springframework.data.domain.Page<Long> found(List<String> words, String tag, PageRequest request) {
		if (words.isEmpty()) {
			// unfiltered, the count is the table's, which the database knows without a
			// scan
			return tag.isEmpty() ? this.templates.findIds(request)
					: this.templates.findIdsTagged(TemplateRepository.anywhere(Template.tagLine(tag)), request);
		}
		return this.templates.findIdsLikeEvery(words.stream().map(TemplateRepository::anywhere).toList(),
				tag.isEmpty() ? null : TemplateRepository.anywhere(Template.tagLine(tag)), request);
	}

	/** How a search is ordered. */
	enum SortOrder {

		/** Newest change first. */
		UPDATED(Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id"))),
		/** By name, A to Z. */
		NAME(Sort.by("name"));

		private final Sort sort;

		SortOrder(Sort sort) {
			this.sort = sort;
		}

		Sort sort() {
			return this.sort;
		}

		/**
		 * Reads {@code updated} or {@code name}.
		 * @throws DomainException malformed for anything else
		 */
		static SortOrder of(String text) {
			for (SortOrder order : values()) {
				if (order.name().equalsIgnoreCase(text)) {
					return order;
				}
			}
			throw new DomainException(Kind.MALFORMED, "sort must be updated or name, not " + text);
		}

	}

}
