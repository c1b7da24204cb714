// The build failed on the plans' errors: the log holds exactly the expected diagnostic lines, in
// order and together, and the failure says how many errors in how many files.
def log = new File(basedir, 'build.log').text.replace('\r\n', '\n')
def plans = new File(basedir, 'src/main/plan').canonicalPath
def expected = new File(basedir, 'expected-log.txt').text.replace('\r\n', '\n').replace('@PLANS@', plans)

assert log.contains(expected) : "build.log does not hold these lines:\n${expected}"
assert log =~ /\[ERROR\] Failed to execute goal dev\.planc:planc-maven-plugin:[^:]+:check \(default\) on project check-errors: 3 errors in 2 files/
assert log.contains('BUILD FAILURE')
// A plan's problems are the user's, reported in words: no Java stack trace.
assert !(log =~ /\n\s+at [\w.$]+ ?\(/) && !log.contains('Caused by:')
