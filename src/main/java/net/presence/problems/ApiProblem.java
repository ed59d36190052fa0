package net.presence.problems;

import jakarta.ejb.ApplicationException;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * A request the API refuses, with the status and the sentence the client gets. Thrown from any
 * layer; as an application exception it reaches the client unwrapped and rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class ApiProblem extends RuntimeException {

    /**
     * One problem of a request with several, named by its field, by its line in a bulk upload, or
     * by the table and rowid of an uploaded database; a name that does not apply is null and left
     * out of the JSON.
     */
    @JsonbPropertyOrder({"table", "rowid", "line", "field", "message"})
    public record Detail(String table, Long rowid, String field, Long line, String message) {

        public Detail(String field, Long line, String message) {
            this(null, null, field, line, message);
        }

        public Detail(String field, String message) {
            this(field, null, message);
        }

        public static Detail atLine(long line, String field, String message) {
            return new Detail(field, line, message);
        }

        public static Detail atRow(String table, long rowid, String field, String message) {
            return new Detail(table, rowid, field, null, message);
        }
    }

    private final int status;
    private final List<Detail> details;

    public ApiProblem(int status, String message) {
        this(status, message, List.of());
    }

    public ApiProblem(int status, String message, List<Detail> details) {
        super(message, null, false, false);
        this.status = status;
        this.details = List.copyOf(details);
    }

    public static ApiProblem badRequest(String message) {
        return new ApiProblem(400, message);
    }

    public static ApiProblem unprocessable(String message) {
        return new ApiProblem(422, message);
    }

    public static ApiProblem conflict(String message) {
        return new ApiProblem(409, message);
    }

    public int status() {
        return status;
    }

    public List<Detail> details() {
        return details;
    }
}
