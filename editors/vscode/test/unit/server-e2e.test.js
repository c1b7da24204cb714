'use strict';
// End to end: the command line the extension builds from its settings starts the real language
// server in planc.jar, and a session through the protocol library the client uses (initialize,
// a document with a mistake, its diagnostics, formatting, shutdown) works.
//
// The jar is cli/target/planc.jar (built earlier in the same `./mvnw verify`), or PLANC_JAR.
// Without a jar, or with a jar that has no `lsp` command, the test is skipped and says why.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { pathToFileURL } = require('node:url');
const rpc = require('vscode-languageserver-protocol/node');
const { serverCommand } = require('../../src/server');

const jar = process.env.PLANC_JAR
  || path.resolve(__dirname, '..', '..', '..', '..', 'cli', 'target', 'planc.jar');

function skipReason() {
  if (!fs.existsSync(jar)) {
    return `${jar} is not built`;
  }
  const { command } = serverCommand({ serverJar: jar }, {});
  const help = spawnSync(command, ['-jar', jar, '--help'], { encoding: 'utf8', timeout: 60000 });
  if (help.error) {
    return `${command} does not run: ${help.error.message}`;
  }
  if (!/\blsp\b/.test(`${help.stdout}${help.stderr}`)) {
    return `${jar} has no lsp command`;
  }
  return null;
}

function waitFor(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

const reason = skipReason();

test('the extension\'s command line starts planc lsp and a session works', { skip: reason || false, timeout: 120000 }, async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'planc-vscode-e2e-'));
  const file = path.join(folder, 'relaunch.plan');
  const text = 'plan "Relaunch" { start 2027-01-04 }\n'
    + 'task design "UX design" { duration 10d }\n'
    + 'task build   { duration 5d after desgin }\n';
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).href;

  const { command, args } = serverCommand({ serverJar: jar, serverArgs: ['-Xmx256m'] }, { workspaceFolder: folder });
  assert.deepEqual(args.slice(-3), ['-jar', jar, 'lsp']);
  const server = spawn(command, args, { cwd: folder, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  server.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise((resolve) => server.on('exit', (code) => resolve(code)));

  const connection = rpc.createMessageConnection(
    new rpc.StreamMessageReader(server.stdout), new rpc.StreamMessageWriter(server.stdin));
  const diagnostics = new Promise((resolve) => {
    connection.onNotification(rpc.PublishDiagnosticsNotification.type, (params) => {
      if (params.uri === uri && params.diagnostics.length > 0) {
        resolve(params.diagnostics);
      }
    });
  });
  connection.listen();
  try {
    const init = await waitFor(connection.sendRequest(rpc.InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(folder).href,
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'e2e' }],
      capabilities: {},
    }), 60000, 'initialize result');
    assert.ok(init.capabilities.textDocumentSync, JSON.stringify(init.capabilities));
    await connection.sendNotification(rpc.InitializedNotification.type, {});
    await connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'plan', version: 1, text },
    });

    const found = await waitFor(diagnostics, 60000, 'diagnostics');
    const unknown = found.find((d) => d.code === 'E0201');
    assert.ok(unknown, `no E0201 in ${JSON.stringify(found)}`);
    assert.equal(unknown.range.start.line, 2);
    assert.match(unknown.message, /desgin/);

    if (init.capabilities.documentFormattingProvider) {
      const edits = await waitFor(connection.sendRequest(rpc.DocumentFormattingRequest.type, {
        textDocument: { uri }, options: { tabSize: 2, insertSpaces: true },
      }), 30000, 'formatting');
      assert.ok(Array.isArray(edits) && edits.length > 0, 'the badly spaced line is reformatted');
    }

    await waitFor(connection.sendRequest(rpc.ShutdownRequest.type), 30000, 'shutdown');
    await connection.sendNotification(rpc.ExitNotification.type);
    assert.equal(await waitFor(exited, 30000, 'server exit'), 0, stderr);
  } finally {
    connection.dispose();
    server.kill();
  }
});
