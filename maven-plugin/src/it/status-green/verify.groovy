// Design is half done after half its time: green, and the gate passes. The journal is only read.
def log = new File(basedir, 'build.log').text
def journal = new File(basedir, 'src/main/plan/relaunch.journal')

assert log =~ /\[INFO\] GREEN  Website relaunch . status at 2027-01-08 17:00/
assert log.contains('[INFO] measured against the plan\'s current schedule (no baseline frozen)')
assert log.contains('BUILD SUCCESS')
assert journal.readLines().size() == 2 : 'the build wrote to the journal'
