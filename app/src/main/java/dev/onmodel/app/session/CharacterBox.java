package dev.onmodel.app.session;

/** Where the engine located a character in the frame, in image pixels (top-left origin). */
public record CharacterBox(int x, int y, int width, int height) {

    public CharacterBox {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative box size " + width + "x" + height);
        }
    }
}
