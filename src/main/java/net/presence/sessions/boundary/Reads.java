package net.presence.sessions.boundary;

import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.util.function.Consumer;
import org.eclipse.persistence.config.QueryHints;
import org.eclipse.persistence.config.ResultSetType;
import org.eclipse.persistence.queries.ScrollableCursor;

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

    /**
     * Hands the query's results to the reader one at a time, as the database produces them, instead
     * of as one list: a result of tens of thousands of rows then needs memory for one row, not for
     * all. {@code getResultStream} would not do: EclipseLink builds it from the whole list. The
     * cursor reads forward only, since a scrollable result set is one Derby keeps whole in a
     * temporary table; the fetch size lets PostgreSQL's driver page through the rows within the
     * transaction instead of reading them all first. Needs a transaction, and EclipseLink.
     */
    public static void forEach(Query query, int fetchSize, Consumer<Object> reader) {
        query.setHint(QueryHints.SCROLLABLE_CURSOR, "true")
                .setHint(QueryHints.RESULT_SET_TYPE, ResultSetType.ForwardOnly)
                .setHint(QueryHints.JDBC_FETCH_SIZE, fetchSize);
        ScrollableCursor cursor = (ScrollableCursor) query.getSingleResult();
        try {
            while (cursor.hasNext()) {
                reader.accept(cursor.next());
            }
        } finally {
            cursor.close();
        }
    }
}
