// compile wrote every plan's schedule in each format asked for, keeping sub-directories, byte for
// byte what `planc schedule` writes. The expected files were made by the CLI; after a deliberate
// change to the scheduler or the writers, make them again from this directory with
//   ../../../../planc schedule --format json src/main/plan/relaunch.plan -o expected/relaunch.json
// (and so on for yaml/.yaml, mermaid/.mmd and team/ops).
def out = new File(basedir, 'target/planc')
def expectedDir = new File(basedir, 'expected')

def expected = []
expectedDir.eachFileRecurse(groovy.io.FileType.FILES) { expected << expectedDir.toPath().relativize(it.toPath()).toString().replace('\\', '/') }
def written = []
out.eachFileRecurse(groovy.io.FileType.FILES) { written << out.toPath().relativize(it.toPath()).toString().replace('\\', '/') }
assert written.sort() == expected.sort() : "target/planc holds ${written.sort()}"
assert expected.size() == 6

expected.each { name ->
    def want = new File(expectedDir, name).getText('UTF-8')
    def got = new File(out, name).getText('UTF-8')
    assert got == want : "target/planc/${name} differs from expected/${name}"
}

// The included library (shared/people.plan) has no schedule of its own.
assert !new File(out, 'shared').exists()

def log = new File(basedir, 'build.log').text
assert log.contains("[INFO] planc: wrote 6 schedule files (json, yaml, mermaid) to ${out.canonicalPath}")
assert log.contains('BUILD SUCCESS')
