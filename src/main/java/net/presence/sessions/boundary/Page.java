package net.presence.sessions.boundary;

import java.util.List;

/** One page of a listing and the number of matches before paging. */
public record Page<T>(long total, List<T> items) {
}
