package dev.planc.bench.tj;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what bench/run-tj3-bench.sh measured for one plan size and prints one line of the
 * results table, checking the targets. Inputs: the {@code /usr/bin/time -v} logs of
 * {@code planc schedule} and {@code tj3 --no-reports}, Planc's {@code schedule --format json}
 * output and TJ's CSV report of the top-level tasks (either TJ file may be absent: not run).
 *
 * <p>Usage: {@code TjBenchSummary TASKS PLANC_TIME_LOG PLANC_JSON TJ_TIME_LOG TJ_CSV MIN_SPEEDUP}
 * (MIN_SPEEDUP 0: no TJ target, e.g. the million-task run, whose targets are 30 s and 4 GB).
 * Exit status 0 when every target that could be checked is met, 1 otherwise.
 */
public final class TjBenchSummary {
    private TjBenchSummary() {}

    /** Wall time, CPU time (user + system), peak RSS and exit status of one process. */
    record Usage(double seconds, double cpuSeconds, long maxRssKb, int exit) {}

    public static void main(String[] args) throws IOException {
        if (args.length != 6) {
            System.err.println("usage: TjBenchSummary TASKS PLANC_TIME_LOG PLANC_JSON TJ_TIME_LOG TJ_CSV MIN_SPEEDUP");
            System.exit(2);
        }
        int tasks = Integer.parseInt(args[0]);
        Usage planc = usage(Path.of(args[1]));
        LocalDateTime plancFinish = plancFinish(Path.of(args[2]));
        Usage tj = Files.exists(Path.of(args[3])) ? usage(Path.of(args[3])) : null;
        LocalDateTime tjFinish = Files.exists(Path.of(args[4])) ? tjFinish(Path.of(args[4])) : null;
        double minSpeedup = Double.parseDouble(args[5]);
        boolean ok = planc.exit() == 0;
        StringBuilder line = new StringBuilder();
        line.append(String.format(Locale.ROOT, "%,d tasks: planc %.2f s (CPU %.2f s), %,d MB peak RSS, finish %s",
                tasks, planc.seconds(), planc.cpuSeconds(), planc.maxRssKb() / 1024, plancFinish));
        if (planc.exit() != 0) {
            line.append(" (planc exit ").append(planc.exit()).append(")");
        }
        if (tj != null) {
            double speedup = tj.seconds() / Math.max(planc.seconds(), 1e-3);
            line.append(String.format(Locale.ROOT,
                    " | tj3 --no-reports %.2f s (CPU %.2f s), %,d MB peak RSS%s, finish %s | %.1fx (CPU %.1fx)",
                    tj.seconds(), tj.cpuSeconds(), tj.maxRssKb() / 1024,
                    tj.exit() == 0 ? "" : " (tj3 exit " + tj.exit() + ")", tjFinish == null ? "not measured" : tjFinish,
                    speedup, tj.cpuSeconds() / Math.max(planc.cpuSeconds(), 1e-3)));
            if (minSpeedup > 0) {
                boolean fast = speedup >= minSpeedup;
                line.append(String.format(Locale.ROOT, " (target >= %.0fx: %s)", minSpeedup, fast ? "met" : "MISSED"));
                ok &= fast;
            }
            if (tjFinish != null && plancFinish != null) {
                boolean early = !plancFinish.isAfter(tjFinish);
                line.append(" | finish ").append(early ? "no later than tj3's: met"
                        : "later than tj3's: MISSED (" + java.time.Duration.between(tjFinish, plancFinish).toHours()
                                + " h of calendar time)");
                ok &= early;
            }
        } else if (minSpeedup == 0) {
            boolean fast = planc.seconds() <= 30;
            boolean small = planc.maxRssKb() <= 4L * 1024 * 1024;
            line.append(String.format(Locale.ROOT, " (targets <= 30 s: %s, <= 4 GB: %s)", fast ? "met" : "MISSED",
                    small ? "met" : "MISSED"));
            ok &= fast && small;
        }
        System.out.println(line);
        System.exit(ok ? 0 : 1);
    }

    private static final Pattern WALL = Pattern.compile("Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\): (\\S+)");
    private static final Pattern RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
    private static final Pattern EXIT = Pattern.compile("Exit status: (\\d+)");
    private static final Pattern USER = Pattern.compile("User time \\(seconds\\): ([0-9.]+)");
    private static final Pattern SYS = Pattern.compile("System time \\(seconds\\): ([0-9.]+)");

    static Usage usage(Path log) throws IOException {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        Matcher w = WALL.matcher(text);
        Matcher r = RSS.matcher(text);
        Matcher e = EXIT.matcher(text);
        double seconds = Double.NaN;
        if (w.find()) {
            String[] parts = w.group(1).split(":");
            seconds = 0;
            for (String p : parts) {
                seconds = seconds * 60 + Double.parseDouble(p);
            }
        }
        long rss = r.find() ? Long.parseLong(r.group(1)) : -1;
        int exit = e.find() ? Integer.parseInt(e.group(1)) : 0;
        if (text.contains("Command exited with non-zero status")) {
            Matcher m = Pattern.compile("Command exited with non-zero status (\\d+)").matcher(text);
            if (m.find()) {
                exit = Integer.parseInt(m.group(1));
            }
        }
        Matcher u = USER.matcher(text);
        Matcher s = SYS.matcher(text);
        double cpu = (u.find() ? Double.parseDouble(u.group(1)) : 0) + (s.find() ? Double.parseDouble(s.group(1)) : 0);
        return new Usage(seconds, cpu, rss, exit);
    }

    private static final Pattern PLAN_FINISH = Pattern.compile("\"plan\"\\s*:\\s*\\{[^}]*\"finish\"\\s*:\\s*\"([^\"]+)\"");

    static LocalDateTime plancFinish(Path json) throws IOException {
        if (!Files.exists(json)) {
            return null;
        }
        // Only the head of the document: the plan block comes first.
        String head;
        try (var in = Files.newInputStream(json)) {
            head = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
        }
        Matcher m = PLAN_FINISH.matcher(head);
        return m.find() ? LocalDateTime.parse(m.group(1)) : null;
    }

    /** The latest end in TJ's CSV report ({@code "Id";"Start";"End"}, times {@code yyyy-MM-ddTHH:mm}). */
    static LocalDateTime tjFinish(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        LocalDateTime max = null;
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(";");
            if (f.length < 3) {
                continue;
            }
            LocalDateTime end = LocalDateTime.parse(f[2].replace("\"", "").trim());
            if (max == null || end.isAfter(max)) {
                max = end;
            }
        }
        return max;
    }
}
