package io.podcomposer.system;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import io.podcomposer.system.DomainException.Kind;

/**
 * The page of a list that a request asks for, the same for every paged list: numbered
 * from 0, a negative number meaning the first page, and a size between 1 and
 * {@value #MAX_SIZE} (the nearest of those when out of range). A page that starts further
 * down than a query can skip ({@link Integer#MAX_VALUE} items) is refused with a 400
 * rather than failing in the database.
 */
public final class Paging {

	public static final int MAX_SIZE = 200;

	private Paging() {
	}

	/**
	 * @throws DomainException malformed when the page starts past
	 * {@link Integer#MAX_VALUE} items
	 */
	public static PageRequest of(int page, int size) {
		return of(page, size, Sort.unsorted());
	}

	/**
	 * @throws DomainException malformed when the page starts past
	 * {@link Integer#MAX_VALUE} items
	 */
	public static PageRequest of(int page, int size, Sort sort) {
		int pageSize = Math.min(Math.max(size, 1), MAX_SIZE);
		int lastPage = Integer.MAX_VALUE / pageSize;
		if (page > lastPage) {
			throw new DomainException(Kind.MALFORMED, "page must be at most " + lastPage + " with size " + pageSize);
		}
		return PageRequest.of(Math.max(page, 0), pageSize, sort);
	}

}
