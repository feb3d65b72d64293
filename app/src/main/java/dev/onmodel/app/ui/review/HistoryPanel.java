package dev.onmodel.app.ui.review;

import dev.onmodel.app.session.DecisionEvent;
import dev.onmodel.app.session.HistoryEntry;
import dev.onmodel.core.model.Decision;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Notes and history of the current frame: every decision that covered it (who, role, pass, when), newest first,
 * with undone ones struck through and overrules spelled out, so a director's overrule and the animator's original
 * decision are both visible.
 */
public final class HistoryPanel extends VBox {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    public HistoryPanel(ReviewViewModel model) {
        setId("historyPanel");
        getStyleClass().add("history-panel");
        setSpacing(6);
        setPadding(new Insets(10));
        Label heading = new Label("NOTES & HISTORY OF THIS FRAME");
        heading.getStyleClass().add("panel-heading");
        Label empty = new Label("No decisions on this frame yet.");
        empty.getStyleClass().add("view-caption");
        ListView<HistoryEntry> list = new ListView<>();
        list.setId("historyList");
        list.setFocusTraversable(false);
        list.setPlaceholder(empty);
        list.setCellFactory(v -> new HistoryCell());
        Runnable fill = () -> {
            var items = new java.util.ArrayList<>(model.currentHistory());
            java.util.Collections.reverse(items);
            list.getItems().setAll(items);
        };
        model.currentHistory().addListener((javafx.collections.ListChangeListener<HistoryEntry>) change -> fill.run());
        fill.run();
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(heading, list);
    }

    /** One history line: the decision, then its note, then its state. */
    private static final class HistoryCell extends ListCell<HistoryEntry> {
        @Override
        protected void updateItem(HistoryEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            getStyleClass().removeAll("history-undone", "history-overruled");
            if (empty || entry == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(text(entry));
            setWrapText(true);
            setPrefWidth(0);
            if (!entry.inForce()) {
                getStyleClass().add("history-undone");
            } else if (entry.overruledBy().isPresent()) {
                getStyleClass().add("history-overruled");
            }
        }
    }

    /** The text of a history line, for the list and for tests. */
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
        if (entry.event().kind() == DecisionEvent.Kind.SET || entry.event().kind() == DecisionEvent.Kind.CLEAR) {
            if (!entry.inForce()) {
                text.append("\n(undone)");
            }
        }
        entry.overruledBy().ifPresent(by -> text.append("\nOVERRULED by ").append(by.reviewer()).append(" (")
                .append(by.role().word()).append("): ").append(by.verdict().word()));
        return text.toString();
    }
}
