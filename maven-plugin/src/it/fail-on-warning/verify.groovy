def log = new File(basedir, 'build.log').text
def plans = new File(basedir, 'src/main/plan').canonicalPath

assert log.contains("[WARNING] ${plans}/staffing.plan:[5,10] W0001 resource `carol` is not assigned to any task")
assert log.contains("[INFO] planc: checked 1 plan under ${plans}: 0 errors, 1 warning")
assert !log.contains('E0307') : 'the excluded draft was checked'
assert log =~ /on project fail-on-warning: 1 warning in 1 file, and failOnWarning is set/
assert log.contains('BUILD FAILURE')
// A plan's problems are the user's, reported in words: no Java stack trace.
assert !(log =~ /\n\s+at [\w.$]+ ?\(/) && !log.contains('Caused by:')
