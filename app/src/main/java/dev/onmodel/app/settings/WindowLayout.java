package dev.onmodel.app.settings;

/**
 * Where the main window was and how its panes were split, restored on the next start.
 *
 * @param navigatorDivider position (0-1) of the divider between navigator and viewer
 * @param panelDivider     position (0-1) of the divider between viewer and the side panels
 * @param timelineDivider  position (0-1) of the divider between the upper area and the timeline
 */
public record WindowLayout(double x, double y, double width, double height, boolean maximized,
                           double navigatorDivider, double panelDivider, double timelineDivider) {

    /** A 1440x900 window, centred by the window system. */
    public static WindowLayout defaults() {
        return new WindowLayout(Double.NaN, Double.NaN, 1440, 900, false, 0.15, 0.78, 0.74);
    }
}
