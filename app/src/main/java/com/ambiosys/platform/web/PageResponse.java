package com.ambiosys.platform.web;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/**
 * One page of a list: the items, where this page is, and how many there are in all. A very long list
 * may give an estimated total ({@code totalEstimated} true: the planner's row estimate, for paging, not
 * an exact count).
 */
public record PageResponse<T>(List<T> items, int page, int size, long total, boolean totalEstimated) {

    public PageResponse(List<T> items, int page, int size, long total) {
        this(items, page, size, total, false);
    }

    public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> mapper) {
        return new PageResponse<>(page.getContent().stream().map(mapper).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements());
    }
}
