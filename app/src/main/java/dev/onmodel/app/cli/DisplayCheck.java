package dev.onmodel.app.cli;

import java.util.Locale;

/** Whether a window can be opened here, decided without touching JavaFX (whose failure is a stack trace). */
final class DisplayCheck {

    private DisplayCheck() {
    }

    static boolean hasDisplay() {
        if ("Monocle".equals(System.getProperty("glass.platform"))) {
            return true; // headless UI tests and snapshot rendering
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return true;
        }
        String display = System.getenv("DISPLAY");
        String wayland = System.getenv("WAYLAND_DISPLAY");
        return (display != null && !display.isBlank()) || (wayland != null && !wayland.isBlank());
    }
}
