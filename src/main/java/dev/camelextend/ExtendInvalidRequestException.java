package dev.camelextend;

/**
 * What a message asks for cannot be sent as it is: a listing filter or run kind from a header that Extend would not
 * accept (an ID with characters outside {@code [A-Za-z0-9_-]}, an unknown sort order, a page token that is not one), a
 * {@code cancelBatch} with no batch, workflow or source to scope it, or several statuses in a single-page listing.
 * Thrown before any network call; nothing was sent. (An invalid option fails the route at start instead.)
 */
public class ExtendInvalidRequestException extends ExtendException {

    private static final long serialVersionUID = 1L;

    public ExtendInvalidRequestException(String message, String subject) {
        super(message, subject);
    }
}
