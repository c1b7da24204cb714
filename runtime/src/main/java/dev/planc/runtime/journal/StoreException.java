package dev.planc.runtime.journal;

/** The store could not be read or written (I/O, permissions, a lock that cannot be taken). */
public final class StoreException extends Exception {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
