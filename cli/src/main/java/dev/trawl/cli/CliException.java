package dev.trawl.cli;

/**
 * A failure to report to the user as one message and an exit status, without a stack trace (unless
 * {@code --debug}). The message may span lines only where a caret marks a column in a filter expression.
 */
final class CliException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;

    CliException(String message) {
        this(message, 1, null);
    }

    CliException(String message, Throwable cause) {
        this(message, 1, cause);
    }

    CliException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The process exit status. */
    int status() {
        return status;
    }
}
