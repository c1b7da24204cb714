// Each module checked and compiled its own plans in a parallel build; the module without plans
// said so and passed; Maven did not warn that the plugin is unsafe for -T.
def log = new File(basedir, 'build.log').text

['web/target/planc/relaunch.json', 'web/target/planc/marketing.json', 'mobile/target/planc/app-store.json'].each {
    assert new File(basedir, it).isFile() : "${it} was not written"
}
assert !new File(basedir, 'target/planc').exists()
assert !new File(basedir, 'docs/target/planc').exists()

def web = new File(basedir, 'web/src/main/plan').canonicalPath
def mobile = new File(basedir, 'mobile/src/main/plan').canonicalPath
assert log.contains("[INFO] planc: checked 2 plans under ${web}: 0 errors, 0 warnings")
assert log.contains("[INFO] planc: checked 1 plan under ${mobile}: 0 errors, 0 warnings")
assert log.contains("[INFO] No plans to check: ${new File(basedir, 'docs/src/main/plan').canonicalPath} does not exist")
assert new File(basedir, 'web/target/planc/relaunch.json').text.contains('"name" : "Website relaunch"')

assert log.contains('Using the MultiThreadedBuilder implementation with a thread count of 2')
assert !log.contains('not marked as thread-safe')
assert !log.contains('not marked thread-safe')
assert log.contains('BUILD SUCCESS')
