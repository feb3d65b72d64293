package dev.onmodel.core.editorial;

/** An export that cannot be produced; the message says why in words a reviewer understands. */
public class ExportException extends Exception {

    private static final long serialVersionUID = 1L;

    public ExportException(String message) {
        super(message);
    }

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
