'use strict';
// Packages the extension into target/planc-VERSION.vsix with @vscode/vsce, without network or
// questions. When cli/target/planc.jar has been built, it is bundled as server/planc.jar so the
// extension works without the planc.server.jar setting; otherwise the .vsix holds no server and
// the user points planc.server.jar at a planc.jar (see README.md).

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { listFiles } = require('@vscode/vsce');

const root = path.resolve(__dirname, '..');
const cliJar = path.resolve(root, '..', '..', 'cli', 'target', 'planc.jar');
const bundled = path.join(root, 'server', 'planc.jar');
const { name, version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const vsix = path.join(root, 'target', `${name}-${version}.vsix`);

async function main() {
  // Never ship a jar left over from an earlier build.
  fs.rmSync(path.join(root, 'server'), { recursive: true, force: true });
  if (fs.existsSync(cliJar)) {
    fs.mkdirSync(path.dirname(bundled), { recursive: true });
    fs.copyFileSync(cliJar, bundled);
    console.log(`package: bundling ${path.relative(root, cliJar)} as server/planc.jar`);
  } else {
    console.log(`package: ${path.relative(root, cliJar)} is not built; the .vsix holds no language server `
      + '(users set planc.server.jar)');
  }

  const files = await listFiles({ cwd: root, packageManager: 'npm' });
  const required = ['package.json', 'language-configuration.json', 'syntaxes/plan.tmLanguage.json',
    'src/extension.js', 'src/server.js', 'node_modules/vscode-languageclient/package.json', 'README.md'];
  const missing = required.filter((f) => !files.includes(f));
  const unwanted = files.filter((f) => /^(test|scripts|out|target)\//.test(f) || /^node_modules\/(@vscode\/vsce|vscode-tmgrammar-test)\//.test(f));
  if (missing.length > 0 || unwanted.length > 0) {
    throw new Error(`the .vsix would miss ${missing.join(', ') || 'nothing'} and hold ${unwanted.slice(0, 5).join(', ') || 'nothing unwanted'}`);
  }

  fs.mkdirSync(path.dirname(vsix), { recursive: true });
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const run = spawnSync(process.execPath, [vsce, 'package',
    '--out', vsix,
    '--skip-license', '--allow-missing-repository', '--no-rewrite-relative-links', '--no-update-package-json'],
  { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (run.status !== 0) {
    throw new Error(`vsce package exited with ${run.status}`);
  }
  console.log(`package: ${path.relative(root, vsix)} (${files.length} files${fs.existsSync(bundled) ? ', with planc.jar' : ''})`);
}

main().catch((e) => {
  console.error(`package: ${e.message}`);
  process.exit(1);
});
