package dev.planc.runtime.status;

/** A traffic light; {@link #worst} orders them. */
public enum Flag {
    GREEN, AMBER, RED;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public Flag worst(Flag other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
