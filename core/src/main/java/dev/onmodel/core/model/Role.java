package dev.onmodel.core.model;

import java.util.Locale;

/**
 * The hat a reviewer wears when deciding. Roles carry an authority rank so a view can show that a director's
 * decision overrules an animator's on the same frame; history keeps both.
 */
public enum Role {
    ANIMATOR(10),
    LEAD(20),
    SUPERVISOR(30),
    EDITOR(30),
    DIRECTOR(40),
    CLIENT(50);

    private final int authority;

    Role(int authority) {
        this.authority = authority;
    }

    /** Higher overrules lower. */
    public int authority() {
        return authority;
    }

    public static Role parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown role '" + text + "' (use animator, lead, supervisor, editor, director or client)");
        }
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
