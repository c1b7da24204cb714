package dev.planc.maven;

import dev.planc.compiler.PlanSet;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Checks every plan under the source directory, as {@code planc check} does (a missed deadline
 * counts: plans are scheduled), and fails the build when any has errors. Each diagnostic is
 * logged as {@code [ERROR] path:[line,column] CODE message} ({@code [WARNING]} for warnings).
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class CheckMojo extends AbstractPlansMojo {
    @Override
    String goal() {
        return "check";
    }

    @Override
    void compiled(Path sourceDir, PlanSet plans) {
        // Checking is all this goal does.
    }
}
