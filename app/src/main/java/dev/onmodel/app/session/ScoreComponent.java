package dev.onmodel.app.session;

import java.util.Objects;

/**
 * One signal behind a consistency score (shape, colour, temporal...), 0-100 like the score itself.
 *
 * @param name  the signal, as the engine names it
 * @param value 0-100, higher is more on-model
 */
public record ScoreComponent(String name, double value) {

    public ScoreComponent {
        Objects.requireNonNull(name, "name");
    }
}
