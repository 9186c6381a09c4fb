package io.podcomposer.templates;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * The library's text search, part of {@link TemplateRepository}: a query as long as the
 * words searched for.
 */
interface TemplateWordSearch {

	/**
	 * The ids of the templates whose search text is like every one of {@code words} and,
	 * unless {@code tags} is null, whose tag text is like {@code tags}; in the pageable's
	 * order. The patterns are LIKE patterns with {@code !} as the escape character
	 * ({@link TemplateRepository#anywhere(String)}).
	 */
	Page<Long> findIdsLikeEvery(List<String> words, String tags, Pageable pageable);

}
