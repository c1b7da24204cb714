'use strict';
// Works out the command that starts the planc language server (`java [ARGS] -jar planc.jar lsp`)
// from the extension's settings. Kept free of the `vscode` module so it is tested with plain node.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** A setting that cannot work; its message is shown to the user as it is. */
class SettingError extends Error {}

function isFile(file) {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Expands a leading `~` and `${workspaceFolder}`; a relative path is taken from the workspace folder. */
function expandPath(value, workspaceFolder) {
  let p = value.trim();
  if (p === '~' || p.startsWith('~/') || p.startsWith('~\\')) {
    p = path.join(os.homedir(), p.slice(1));
  }
  if (p.includes('${workspaceFolder}')) {
    if (!workspaceFolder) {
      throw new SettingError(`Planc: "${value}" uses \${workspaceFolder}, but no folder is open.`);
    }
    p = p.split('${workspaceFolder}').join(workspaceFolder);
  }
  if (!path.isAbsolute(p) && workspaceFolder && (p.includes('/') || p.includes('\\'))) {
    p = path.join(workspaceFolder, p);
  }
  return p;
}

/**
 * The java executable: the `planc.java.path` setting, else `$JAVA_HOME/bin/java`, else `java`
 * from the PATH (which the operating system looks up when the server is started).
 */
function resolveJava(setting, env, workspaceFolder, platform) {
  const exe = platform === 'win32' ? 'java.exe' : 'java';
  if (setting && setting.trim() !== '') {
    const p = expandPath(setting, workspaceFolder);
    // A bare command name is looked up on the PATH; a path must exist.
    if ((p.includes('/') || p.includes('\\')) && !isFile(p)) {
      throw new SettingError(`Planc: planc.java.path is "${setting}", but there is no file ${p}.`);
    }
    return p;
  }
  if (env.JAVA_HOME && env.JAVA_HOME.trim() !== '') {
    const p = path.join(env.JAVA_HOME.trim(), 'bin', exe);
    if (isFile(p)) {
      return p;
    }
  }
  return 'java';
}

/** planc.jar: the `planc.server.jar` setting, else the jar bundled in the extension. */
function resolveJar(setting, bundledJar, workspaceFolder) {
  if (setting && setting.trim() !== '') {
    const p = expandPath(setting, workspaceFolder);
    if (!isFile(p)) {
      throw new SettingError(`Planc: planc.server.jar is "${setting}", but there is no file ${p}.`);
    }
    return p;
  }
  if (bundledJar && isFile(bundledJar)) {
    return bundledJar;
  }
  throw new SettingError(
    'Planc: set planc.server.jar to the path of planc.jar to get diagnostics and the other '
    + 'language features (build it with `./mvnw -pl cli -am package`: cli/target/planc.jar). '
    + 'Highlighting works without it.');
}

/**
 * @param {object} settings  { javaPath, serverJar, serverArgs }
 * @param {object} context   { bundledJar, workspaceFolder, env, platform }
 * @returns {{command: string, args: string[]}}
 */
function serverCommand(settings, context) {
  const env = context.env || process.env;
  const platform = context.platform || process.platform;
  const extra = settings.serverArgs || [];
  if (!Array.isArray(extra) || extra.some((a) => typeof a !== 'string')) {
    throw new SettingError('Planc: planc.server.args must be a list of strings, e.g. ["-Xmx512m"].');
  }
  const command = resolveJava(settings.javaPath, env, context.workspaceFolder, platform);
  const jar = resolveJar(settings.serverJar, context.bundledJar, context.workspaceFolder);
  return { command, args: [...extra, '-jar', jar, 'lsp'] };
}

module.exports = { serverCommand, SettingError };
