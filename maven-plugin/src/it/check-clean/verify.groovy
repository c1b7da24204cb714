// Runs after the build: `basedir` is this project's copy under target/it.
def log = new File(basedir, 'build.log').text
def plans = new File(basedir, 'src/main/plan').canonicalPath

assert log.contains("[INFO] planc: checked 2 plans under ${plans}: 0 errors, 0 warnings")
// The included library is checked through relaunch.plan, not on its own (no "no plan block" error).
assert !log.contains('E0210')
assert !(log =~ /\[(ERROR|WARNING)\] .*\.plan:\[/)
assert log.contains('BUILD SUCCESS')
