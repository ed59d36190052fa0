package net.presence.sessions.boundary;

import jakarta.persistence.TypedQuery;

/** Queries whose results are only written out, never changed. */
final class Reads {

    private Reads() {
    }

    /**
     * Tells EclipseLink not to register the results in the persistence context: a listing of
     * thousands of rows then costs no change tracking. Other providers ignore the hint.
     */
    static <T> TypedQuery<T> readOnly(TypedQuery<T> query) {
        return query.setHint("eclipselink.read-only", "true");
    }
}
