package dev.planc.cli;

import picocli.CommandLine;

/** Shared options: colour, debug. */
final class Output {
    enum ColorMode { auto, always, never }

    @CommandLine.Option(names = "--color", defaultValue = "auto", paramLabel = "WHEN",
            description = "Colour diagnostics: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ColorMode color = ColorMode.auto;

    @CommandLine.Option(names = "--debug", description = "Show internal stack traces on failure.")
    boolean debug;

    boolean useColor() {
        return switch (color) {
            case always -> true;
            case never -> false;
            case auto -> System.console() != null && System.getenv("NO_COLOR") == null
                    && !"dumb".equals(System.getenv("TERM"));
        };
    }
}
