package dev.onmodel.app.ui.review;

import dev.onmodel.app.session.ScoreBand;
import dev.onmodel.core.model.Verdict;
import javafx.scene.paint.Color;

/**
 * The colours of decisions and score bands, from the Okabe-Ito palette (safe for the common colour-vision
 * deficiencies) and always doubled by a letter (A, R, W) or bar height, never colour alone.
 */
public final class DecisionColours {

    public static final Color APPROVE = Color.web("#009E73");
    public static final Color REJECT = Color.web("#D55E00");
    public static final Color REWORK = Color.web("#E69F00");
    public static final Color UNDECIDED = Color.web("#3a3f46");
    public static final Color SCORE_OK = Color.web("#2f5d80");
    public static final Color SCORE_CHECK = Color.web("#F0E442");
    public static final Color SCORE_OFF = Color.web("#D55E00");
    public static final Color UNSCORED = Color.web("#24282d");
    public static final Color PLAYHEAD = Color.web("#56B4E9");
    public static final Color MARK = Color.web("#CC79A7");

    private DecisionColours() {
    }

    public static Color of(Verdict verdict) {
        if (verdict == null) {
            return UNDECIDED;
        }
        return switch (verdict) {
            case APPROVE -> APPROVE;
            case REJECT -> REJECT;
            case REWORK -> REWORK;
        };
    }

    /** The letter that doubles the colour: A, R, W, or empty for undecided. */
    public static String letter(Verdict verdict) {
        if (verdict == null) {
            return "";
        }
        return switch (verdict) {
            case APPROVE -> "A";
            case REJECT -> "R";
            case REWORK -> "W";
        };
    }

    public static Color of(ScoreBand band) {
        return switch (band) {
            case OK -> SCORE_OK;
            case CHECK -> SCORE_CHECK;
            case OFF_MODEL -> SCORE_OFF;
        };
    }

    /** CSS hex of a colour, for labels styled in code. */
    public static String hex(Color colour) {
        return String.format("#%02x%02x%02x", (int) Math.round(colour.getRed() * 255),
                (int) Math.round(colour.getGreen() * 255), (int) Math.round(colour.getBlue() * 255));
    }
}
