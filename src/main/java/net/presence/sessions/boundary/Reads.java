package net.presence.sessions.boundary;

import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;

/** Queries whose results are only written out, never changed. */
public final class Reads {

    private Reads() {
    }

    /**
     * Tells EclipseLink not to register the results in the persistence context: a listing of
     * thousands of rows then costs no change tracking. Other providers ignore the hint.
     */
    public static <T extends Query> T readOnly(T query) {
        query.setHint("eclipselink.read-only", "true");
        return query;
    }

    /**
     * For a query over a time window of all devices: the bounds go into the SQL as literals. With
     * parameter markers Derby cannot tell a recent window (a few thousand rows by the end-time index)
     * from all of history, and over a year of sessions it picked plans that read every row; with
     * the values in view its optimizer estimates each index range and takes the small one. The
     * price is one statement compilation per request, a few milliseconds.
     */
    public static <T> TypedQuery<T> window(TypedQuery<T> query) {
        return readOnly(query).setHint("eclipselink.jdbc.bind-parameters", "false");
    }
}
