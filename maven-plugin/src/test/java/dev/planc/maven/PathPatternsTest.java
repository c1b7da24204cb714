package dev.planc.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathPatternsTest {

    private static boolean matches(String pattern, String path) {
        return PathPatterns.of(List.of(pattern)).matches(path);
    }

    @Test
    void doubleStarStandsForAnyNumberOfDirectoriesNoneIncluded() {
        assertTrue(matches("**/*.plan", "a.plan"));
        assertTrue(matches("**/*.plan", "team/web/a.plan"));
        assertFalse(matches("**/*.plan", "a.plan.bak"));
        assertFalse(matches("**/*.plan", "notes.txt"));
        assertTrue(matches("**/drafts/**", "drafts/a.plan"));
        assertTrue(matches("**/drafts/**", "team/drafts/x/a.plan"));
        assertFalse(matches("**/drafts/**", "team/drafted/a.plan"));
    }

    @Test
    void singleStarAndQuestionMarkStayWithinOneName() {
        assertTrue(matches("*.plan", "a.plan"));
        assertFalse(matches("*.plan", "team/a.plan"));
        assertTrue(matches("team?/*.plan", "team1/a.plan"));
        assertFalse(matches("team?/*.plan", "team12/a.plan"));
        assertTrue(matches("q*-*.plan", "q3-launch.plan"));
    }

    @Test
    void aTrailingSlashMeansEverythingUnderTheDirectory() {
        assertTrue(matches("drafts/", "drafts/a.plan"));
        assertTrue(matches("drafts/", "drafts/old/a.plan"));
        assertFalse(matches("drafts/", "team/drafts/a.plan"));
    }

    @Test
    void backslashesAndLeadingSlashesAreForgiven() {
        assertTrue(matches("team\\*.plan", "team/a.plan"));
        assertTrue(matches("/team/*.plan", "team/a.plan"));
        assertTrue(PathPatterns.of(List.of(" ", "")).isEmpty());
    }

    @Test
    void findsIncludedFilesLessExcludedOnesSorted(@TempDir Path dir) throws Exception {
        for (String f : List.of("b.plan", "a.plan", "team/c.plan", "drafts/d.plan", "notes.txt")) {
            Path p = dir.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "");
        }
        List<String> found = PlanFiles.find(dir, List.of(), List.of("drafts/")).stream()
                .map(p -> PlanFiles.relative(dir, p)).toList();
        assertEquals(List.of("a.plan", "b.plan", "team/c.plan"), found);
        List<String> teamOnly = PlanFiles.find(dir, List.of("team/**"), List.of()).stream()
                .map(p -> PlanFiles.relative(dir, p)).toList();
        assertEquals(List.of("team/c.plan"), teamOnly);
    }
}
