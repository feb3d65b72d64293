package dev.onmodel.core.consistency;

/**
 * A character's sheets cannot be used: the folder holds no image, or none of its images shows a character. The
 * message names the folder or file and what is wrong with each image.
 */
public class SheetException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public SheetException(String message) {
        super(message);
    }
}
