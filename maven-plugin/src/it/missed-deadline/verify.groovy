// A missed deadline (E0307) is an error: the build fails and says which chain drives the date.
def log = new File(basedir, 'build.log').text.replace('\r\n', '\n')
def plan = new File(basedir, 'src/main/plan/relaunch.plan').canonicalPath

assert log.contains("[ERROR] ${plan}:[8,1] E0307 `beta` finishes 2027-02-05T17:00, 4 working days after its deadline 2027-02-01\n")
// The arrows in the help line depend on the console's charset; the rest does not.
assert log =~ /\n  help: driven by: `design` \(10d\) . `build` \(15d\) . `beta`\n/
assert log.contains('\n  help: shorten or parallelise that chain, add people to it, or move the deadline\n')
assert log =~ /on project missed-deadline: 1 error in 1 file/
assert log.contains('BUILD FAILURE')
// A plan's problems are the user's, reported in words: no Java stack trace.
assert !(log =~ /\n\s+at [\w.$]+ ?\(/) && !log.contains('Caused by:')
