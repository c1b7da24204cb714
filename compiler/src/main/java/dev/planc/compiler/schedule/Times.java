package dev.planc.compiler.schedule;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** The one way schedule times are written: local {@code YYYY-MM-DDTHH:MM}, no offset. */
public final class Times {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

    private Times() {}

    public static @Nullable String text(@Nullable LocalDateTime t) {
        return t == null ? null : MINUTE.format(t);
    }
}
