package io.crossview.matcher.query;

/** A query that cannot be answered, with the HTTP status that tells the client why. */
public final class QueryException extends RuntimeException {
    private final int status;

    private QueryException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public static QueryException badRequest(String message) {
        return new QueryException(400, message, null);
    }

    public static QueryException notFound(String message) {
        return new QueryException(404, message, null);
    }

    /** No token, or the wrong one; the same answer for both, so a caller learns nothing. */
    public static QueryException unauthorized() {
        return new QueryException(401, "this query API needs its bearer token (Authorization: Bearer ...)", null);
    }

    /** The data exists but cannot be read now (rebalancing, restoring, a peer down): worth retrying. */
    public static QueryException unavailable(String message, Throwable cause) {
        return new QueryException(503, message, cause);
    }

    public int status() {
        return status;
    }
}
