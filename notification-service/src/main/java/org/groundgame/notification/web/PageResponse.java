package org.groundgame.notification.web;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/**
 * A page of a list, as every list of the API answers it:
 * {@code {"content":[…],"page":{"number","size","totalElements","totalPages"}}}.
 */
public record PageResponse<T>(List<T> content, PageMetadata page) {

	public record PageMetadata(int number, int size, long totalElements, int totalPages) {
	}

	public static <S, T> PageResponse<T> of(Page<S> page, Function<S, T> mapper) {
		return new PageResponse<>(page.getContent().stream().map(mapper).toList(),
				new PageMetadata(page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages()));
	}

}
