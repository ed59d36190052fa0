package net.presence.sessions.boundary;

import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.util.function.Consumer;
import org.eclipse.persistence.config.QueryHints;
import org.eclipse.persistence.queries.CursoredStream;
import org.eclipse.persistence.queries.ReportQueryResult;

/** Queries whose results are only written out, never changed. */
public final class Reads {

    private Reads() {
    }

    /**
     * Tells EclipseLink not to register the results in the persistence context, nor in its identity
     * maps: a listing of thousands of rows then costs no change tracking, and no map entry per row
     * (pages of 10,000 events or sessions came 40-55 % faster without them). Other providers ignore
     * the hints.
     */
    public static <T extends Query> T readOnly(T query) {
        query.setHint("eclipselink.read-only", "true");
        query.setHint("eclipselink.maintain-cache", "false");
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
     * of as one list: a result of tens of thousands of rows then needs memory for a page of rows,
     * not for all. {@code getResultStream} would not do: EclipseLink builds it from the whole list.
     * EclipseLink's cursored stream reads the JDBC result forward only (its scrollable cursor asks
     * for row numbers, which Derby gives only on a scroll-insensitive result, one it keeps whole in
     * a temporary table); what it has handed out is released every page. The fetch size lets
     * PostgreSQL's driver page through the rows within the transaction instead of reading them all
     * first. A row of several values comes as an {@code Object[]}, as from {@code getResultList}.
     */
    public static void forEach(Query query, int pageSize, Consumer<Object> reader) {
        query.setHint(QueryHints.CURSOR, "true")
                .setHint(QueryHints.CURSOR_PAGE_SIZE, pageSize)
                .setHint(QueryHints.JDBC_FETCH_SIZE, pageSize);
        CursoredStream cursor = (CursoredStream) query.getSingleResult();
        try {
            int read = 0;
            while (cursor.hasNext()) {
                Object row = cursor.next();
                reader.accept(row instanceof ReportQueryResult values ? values.toArray() : row);
                if (++read % pageSize == 0) {
                    cursor.releasePrevious();
                }
            }
        } finally {
            cursor.close();
        }
    }
}
