package dev.onmodel.app.ui.keys;

/**
 * Every action of the review screen, with its menu, label and default key. The same list builds the menus, the
 * key handling and the cheat-sheet, so a key shown is a key that works. Keys are written the way
 * {@link javafx.scene.input.KeyCombination#valueOf} reads them and can be remapped in the preferences (by id).
 */
public enum ReviewAction {
    PLAY_PAUSE("Playback", "Play / pause", "Space"),
    STEP_BACK("Playback", "Previous frame", "Left"),
    STEP_FORWARD("Playback", "Next frame", "Right"),
    STEP_BACK_10("Playback", "Back 10 frames", "Shift+Left"),
    STEP_FORWARD_10("Playback", "Forward 10 frames", "Shift+Right"),
    SHUTTLE_BACK("Playback", "Shuttle backwards (J, faster each press)", "J"),
    SHUTTLE_STOP("Playback", "Stop (K)", "K"),
    SHUTTLE_FORWARD("Playback", "Shuttle forwards (L, faster each press)", "L"),
    FIRST_FRAME("Playback", "First frame", "Home"),
    LAST_FRAME("Playback", "Last frame", "End"),
    MARK_IN("Review", "Set in", "I"),
    MARK_OUT("Review", "Set out", "O"),
    CLEAR_MARKS("Review", "Clear in/out", "Shift+X"),
    APPROVE("Review", "Approve frame / range", "A"),
    REJECT("Review", "Reject frame / range", "R"),
    REWORK("Review", "Rework frame / range", "W"),
    NOTE("Review", "Add note\u2026", "N"),
    NEXT_FLAGGED("Review", "Next flagged frame", "Period"),
    PREVIOUS_FLAGGED("Review", "Previous flagged frame", "Comma"),
    UNDO("Review", "Undo", "Shortcut+Z"),
    REDO("Review", "Redo", "Shortcut+Shift+Z"),
    MARK_HERO("Review", "Mark hero variant (in/out = approved range)", "H"),
    RETRY_UNSAVED("Review", "Retry unsaved decisions", "Shortcut+S"),
    START_SCORING("Review", "Score consistency", "Shortcut+R"),
    SET_CAST("Review", "Set shot cast\u2026", "Shift+C"),
    PREVIOUS_VARIANT("Navigate", "Previous variant", "Up"),
    NEXT_VARIANT("Navigate", "Next variant", "Down"),
    PREVIOUS_SHOT("Navigate", "Previous shot", "Page Up"),
    NEXT_SHOT("Navigate", "Next shot", "Page Down"),
    VARIANT_1("Navigate", "Variant 1", "1"),
    VARIANT_2("Navigate", "Variant 2", "2"),
    VARIANT_3("Navigate", "Variant 3", "3"),
    VARIANT_4("Navigate", "Variant 4", "4"),
    VARIANT_5("Navigate", "Variant 5", "5"),
    VARIANT_6("Navigate", "Variant 6", "6"),
    VARIANT_7("Navigate", "Variant 7", "7"),
    VARIANT_8("Navigate", "Variant 8", "8"),
    VARIANT_9("Navigate", "Variant 9", "9"),
    FIT("View", "Fit", "F"),
    ACTUAL_SIZE("View", "100%", "Shift+F"),
    ZOOM_IN("View", "Zoom in", "Equals"),
    ZOOM_OUT("View", "Zoom out", "Minus"),
    TOGGLE_OVERLAYS("View", "Overlays on/off", "V"),
    TIMELINE_ZOOM_IN("View", "Timeline zoom in", "Shortcut+Equals"),
    TIMELINE_ZOOM_OUT("View", "Timeline zoom out", "Shortcut+Minus"),
    COMPARE_SINGLE("Compare", "Single", "Shift+1"),
    COMPARE_SHEET("Compare", "Frame | sheet", "Shift+2"),
    COMPARE_VARIANTS("Compare", "A | B variants", "Shift+3"),
    COMPARE_WIPE("Compare", "Wipe A/B", "Shift+4"),
    COMPARE_DIFFERENCE("Compare", "Difference A-B", "Shift+5"),
    COMPARE_ONION("Compare", "Onion skin", "Shift+6"),
    FLIP_AB("Compare", "Flip A/B", "B"),
    CHEAT_SHEET("Help", "Keyboard cheat-sheet", "Shift+Slash");

    private final String menu;
    private final String label;
    private final String defaultKey;

    ReviewAction(String menu, String label, String defaultKey) {
        this.menu = menu;
        this.label = label;
        this.defaultKey = defaultKey;
    }

    /** The menu the action appears in. */
    public String menu() {
        return menu;
    }

    public String label() {
        return label;
    }

    /** The key out of the box, as {@link javafx.scene.input.KeyCombination#valueOf} reads it. */
    public String defaultKey() {
        return defaultKey;
    }

    /** The id used in the preferences file: {@code approve}, {@code next-flagged}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
