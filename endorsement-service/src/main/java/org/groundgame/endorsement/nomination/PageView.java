package org.groundgame.endorsement.nomination;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/** One page of a list, in the platform's shape: {@code {"content":[…],"page":{…}}}. */
record PageView<T>(List<T> content, PageMetadata page) {

	static <S, T> PageView<T> of(Page<S> page, Function<S, T> view) {
		return new PageView<>(page.getContent().stream().map(view).toList(),
				new PageMetadata(page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages()));
	}

	record PageMetadata(int number, int size, long totalElements, int totalPages) {
	}

}
