package dev.camelextend.examples.cancelruns;

/** A mistake on the command line or in the environment; the application prints it with the usage and exits 2. */
public class UsageException extends Exception {

    public UsageException(String message) {
        super(message);
    }
}
