package dev.onmodel.app.ui.review;

import dev.onmodel.app.session.DecisionEvent;
import dev.onmodel.app.session.HistoryEntry;
import dev.onmodel.core.model.Decision;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Notes and history of the current frame: every decision that covered it (who, role, pass, when), newest first,
 * with undone ones struck through and overrules spelled out, so a director's overrule and the animator's original
 * decision are both visible. A frame's history is short, so plain wrapped labels serve better than a list.
 */
public final class HistoryPanel extends VBox {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final VBox entries = new VBox(8);
    private final Label empty = new Label("No decisions on this frame yet.");

    public HistoryPanel(ReviewViewModel model) {
        setId("historyPanel");
        getStyleClass().add("history-panel");
        setSpacing(6);
        setPadding(new Insets(10));
        Label heading = new Label("NOTES & HISTORY OF THIS FRAME");
        heading.getStyleClass().add("panel-heading");
        empty.getStyleClass().add("view-caption");
        entries.setId("historyList");
        entries.setPadding(new Insets(2, 4, 2, 0));
        ScrollPane scroll = new ScrollPane(entries);
        scroll.setFitToWidth(true);
        scroll.setFocusTraversable(false);
        scroll.getStyleClass().add("history-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Runnable fill = () -> {
            List<HistoryEntry> items = new ArrayList<>(model.currentHistory());
            Collections.reverse(items);
            entries.getChildren().clear();
            if (items.isEmpty()) {
                entries.getChildren().add(empty);
            }
            for (HistoryEntry entry : items) {
                Label label = new Label(text(entry));
                label.setWrapText(true);
                label.setMaxWidth(Double.MAX_VALUE);
                label.getStyleClass().add("history-entry");
                if (!entry.inForce()) {
                    label.getStyleClass().add("history-undone");
                } else if (entry.overruledBy().isPresent()) {
                    label.getStyleClass().add("history-overruled");
                }
                entries.getChildren().add(label);
            }
        };
        model.currentHistory().addListener((ListChangeListener<HistoryEntry>) change -> fill.run());
        fill.run();
        getChildren().addAll(heading, scroll);
    }

    /** The text of a history entry: what, who/role/pass/when, the note, and its state. */
    static String text(HistoryEntry entry) {
        Decision d = entry.decision();
        String who = d.reviewer() + " (" + d.role().word() + ") \u00b7 " + d.pass() + " \u00b7 "
                + WHEN.format(d.recordedAt());
        String what = switch (entry.event().kind()) {
            case SET -> "\u25a0 " + DecisionColours.letter(d.verdict()) + "  " + d.verdict().word() + " " + d.frames();
            case CLEAR -> "\u25cb  cleared " + d.frames();
            case UNDO -> "\u21b6  undo of #" + entry.event().target().getAsLong();
            case REDO -> "\u21b7  redo of #" + entry.event().target().getAsLong();
        };
        StringBuilder text = new StringBuilder(what).append("   #").append(d.id()).append('\n').append(who);
        if (!d.note().isEmpty()) {
            text.append("\n\u201c").append(d.note()).append('\u201d');
        }
        if ((entry.event().kind() == DecisionEvent.Kind.SET || entry.event().kind() == DecisionEvent.Kind.CLEAR)
                && !entry.inForce()) {
            text.append("\n(undone)");
        }
        entry.overruledBy().ifPresent(by -> text.append("\nOVERRULED by ").append(by.reviewer()).append(" (")
                .append(by.role().word()).append("): ").append(by.verdict().word()));
        return text.toString();
    }
}
