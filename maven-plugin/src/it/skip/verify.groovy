def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Skipping planc:check (planc.skip)')
assert !log.contains('E0307')
assert log.contains('BUILD SUCCESS')
