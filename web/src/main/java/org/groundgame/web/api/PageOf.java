package org.groundgame.web.api;

import java.util.List;

/**
 * A page of a list as every API answers it:
 * {@code {"content":[…],"page":{"number","size","totalElements","totalPages"}}}.
 *
 * @param <T> the type of the items
 * @param content the items
 * @param page where this page lies
 */
public record PageOf<T>(List<T> content, Metadata page) {

	public PageOf {
		content = (content != null) ? content : List.of();
		page = (page != null) ? page : new Metadata(0, content.size(), content.size(), 1);
	}

	public boolean isEmpty() {
		return this.content.isEmpty();
	}

	public boolean hasNext() {
		return this.page.number() + 1 < this.page.totalPages();
	}

	public boolean hasPrevious() {
		return this.page.number() > 0;
	}

	/**
	 * @param number the page's number, from 0
	 * @param size the page's size
	 * @param totalElements how many items in all
	 * @param totalPages how many pages in all
	 */
	public record Metadata(int number, int size, long totalElements, int totalPages) {

	}

}
