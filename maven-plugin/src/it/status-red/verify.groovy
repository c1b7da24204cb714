// Design is late and drives the milestone: red, and the gate fails the build saying why.
def log = new File(basedir, 'build.log').text
def journal = new File(basedir, 'src/main/plan/relaunch.journal')

assert log =~ /\[INFO\] RED  Website relaunch . status at 2027-01-12 17:00/
assert log =~ /\[INFO\]   RED    design +in_progress/
assert log =~ /on project status-red: status of `Website relaunch` is red at 2027-01-12T17:00 \(failOn red\)/
assert log.contains('BUILD FAILURE')
assert journal.readLines().size() == 2 : 'the build wrote to the journal'
// A plan's problems are the user's, reported in words: no Java stack trace.
assert !(log =~ /\n\s+at [\w.$]+ ?\(/) && !log.contains('Caused by:')
