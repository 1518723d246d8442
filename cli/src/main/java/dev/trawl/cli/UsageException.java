package dev.trawl.cli;

/**
 * A command line the tool cannot take: an unknown option, a missing or malformed value, a missing operand. The
 * tool prints the message, points to {@code --help}, and exits with status 2.
 */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message, null, false, false);
    }
}
