'use strict';
// The command line the extension starts the language server with, from its settings.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { serverCommand, SettingError } = require('../../src/server');

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'planc-vscode-'));
}

function touch(file) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '');
  return file;
}

test('defaults: java from the PATH and the jar bundled in the extension', () => {
  const dir = tempDir();
  const bundled = touch(path.join(dir, 'server', 'planc.jar'));
  const cmd = serverCommand({}, { bundledJar: bundled, env: {}, platform: 'linux' });
  assert.deepEqual(cmd, { command: 'java', args: ['-jar', bundled, 'lsp'] });
});

test('JAVA_HOME is used when it holds bin/java, and ignored when it does not', () => {
  const dir = tempDir();
  const jar = touch(path.join(dir, 'planc.jar'));
  const home = path.join(dir, 'jdk');
  assert.equal(serverCommand({ serverJar: jar }, { env: { JAVA_HOME: home }, platform: 'linux' }).command, 'java');
  const java = touch(path.join(home, 'bin', 'java'));
  assert.equal(serverCommand({ serverJar: jar }, { env: { JAVA_HOME: home }, platform: 'linux' }).command, java);
  const javaExe = touch(path.join(home, 'bin', 'java.exe'));
  assert.equal(serverCommand({ serverJar: jar }, { env: { JAVA_HOME: home }, platform: 'win32' }).command, javaExe);
});

test('the settings win over JAVA_HOME and the bundled jar; extra JVM args go before -jar', () => {
  const dir = tempDir();
  const bundled = touch(path.join(dir, 'ext', 'server', 'planc.jar'));
  const jar = touch(path.join(dir, 'cli', 'target', 'planc.jar'));
  const java = touch(path.join(dir, 'jdk21', 'bin', 'java'));
  touch(path.join(dir, 'jdk17', 'bin', 'java'));
  const cmd = serverCommand(
    { javaPath: java, serverJar: jar, serverArgs: ['-Xmx512m', '-Dplanc.debug=true'] },
    { bundledJar: bundled, env: { JAVA_HOME: path.join(dir, 'jdk17') }, platform: 'linux' });
  assert.deepEqual(cmd, { command: java, args: ['-Xmx512m', '-Dplanc.debug=true', '-jar', jar, 'lsp'] });
});

test('a bare java command name is left for the PATH lookup', () => {
  const dir = tempDir();
  const jar = touch(path.join(dir, 'planc.jar'));
  assert.equal(serverCommand({ javaPath: 'java17', serverJar: jar }, { env: {} }).command, 'java17');
});

test('${workspaceFolder}, ~ and workspace-relative paths are expanded', () => {
  const dir = tempDir();
  const jar = touch(path.join(dir, 'cli', 'target', 'planc.jar'));
  const ctx = { workspaceFolder: dir, env: {}, platform: 'linux' };
  assert.equal(serverCommand({ serverJar: '${workspaceFolder}/cli/target/planc.jar' }, ctx).args[1], jar);
  assert.equal(serverCommand({ serverJar: 'cli/target/planc.jar' }, ctx).args[1], jar);
  const home = os.homedir();
  if (jar.startsWith(home + path.sep)) {
    assert.equal(serverCommand({ serverJar: '~' + jar.slice(home.length) }, ctx).args[1], jar);
  }
});

test('no jar anywhere: an error that tells the user which setting to set', () => {
  const dir = tempDir();
  assert.throws(
    () => serverCommand({}, { bundledJar: path.join(dir, 'server', 'planc.jar'), env: {} }),
    (e) => e instanceof SettingError && /set planc\.server\.jar/.test(e.message) && /cli\/target\/planc\.jar/.test(e.message));
});

test('settings that point nowhere are reported with the path they name', () => {
  const dir = tempDir();
  const jar = touch(path.join(dir, 'planc.jar'));
  assert.throws(() => serverCommand({ serverJar: path.join(dir, 'nope.jar') }, { env: {} }),
    (e) => e instanceof SettingError && e.message.includes('planc.server.jar') && e.message.includes('nope.jar'));
  assert.throws(() => serverCommand({ javaPath: path.join(dir, 'bin', 'java'), serverJar: jar }, { env: {} }),
    (e) => e instanceof SettingError && e.message.includes('planc.java.path'));
  assert.throws(() => serverCommand({ serverJar: '${workspaceFolder}/planc.jar' }, { env: {} }),
    (e) => e instanceof SettingError && e.message.includes('no folder is open'));
  assert.throws(() => serverCommand({ serverJar: jar, serverArgs: '-Xmx1g' }, { env: {} }),
    (e) => e instanceof SettingError && e.message.includes('planc.server.args'));
});
