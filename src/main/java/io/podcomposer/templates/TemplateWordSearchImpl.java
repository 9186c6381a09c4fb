package io.podcomposer.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.support.PageableExecutionUtils;

/**
 * One LIKE per word, ANDed: each can use the indexes a single one uses (H2's index of the
 * search text, PostgreSQL's trigram index), where one pattern could only find the words
 * in one order.
 */
class TemplateWordSearchImpl implements TemplateWordSearch {

	private final EntityManager entityManager;

	TemplateWordSearchImpl(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	@Override
	public Page<Long> findIdsLikeEvery(List<String> words, String tags, Pageable pageable) {
		List<String> conditions = new ArrayList<>();
		Map<String, String> patterns = new TreeMap<>();
		for (int i = 0; i < words.size(); i++) {
			conditions.add("t.searchText like :word" + i + " escape '!'");
			patterns.put("word" + i, words.get(i));
		}
		if (tags != null) {
			conditions.add("t.tagText like :tags escape '!'");
			patterns.put("tags", tags);
		}
		String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
		TypedQuery<Long> ids = this.entityManager
			.createQuery("select t.id from Template t" + where + orderBy(pageable.getSort()), Long.class);
		patterns.forEach(ids::setParameter);
		if (pageable.isPaged()) {
			ids.setFirstResult((int) pageable.getOffset());
			ids.setMaxResults(pageable.getPageSize());
		}
		return PageableExecutionUtils.getPage(ids.getResultList(), pageable, () -> {
			TypedQuery<Long> count = this.entityManager.createQuery("select count(t) from Template t" + where,
					Long.class);
			patterns.forEach(count::setParameter);
			return count.getSingleResult();
		});
	}

	/**
	 * The sort's properties are the entity's, which the service chooses, never a
	 * request's text.
	 */
	private static String orderBy(Sort sort) {
		List<String> orders = new ArrayList<>();
		sort.forEach((order) -> orders.add("t." + order.getProperty() + (order.isAscending() ? " asc" : " desc")));
		return orders.isEmpty() ? "" : " order by " + String.join(", ", orders);
	}

}
