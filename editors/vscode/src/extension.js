'use strict';
// The VS Code side of Planc: highlighting comes from the grammar in package.json; this starts
// `planc lsp` (the language server in planc.jar) over stdio for everything else.

const path = require('node:path');
const vscode = require('vscode');
const { LanguageClient, RevealOutputChannelOn } = require('vscode-languageclient/node');
const { serverCommand, SettingError } = require('./server');

const CLIENT_ID = 'planc'; // the client reads its trace level from `planc.trace.server`
const SETTINGS = ['planc.java.path', 'planc.server.jar', 'planc.server.args'];

/** @type {LanguageClient | undefined} */
let client;
/** @type {vscode.OutputChannel | undefined} */
let output;

function settings() {
  const config = vscode.workspace.getConfiguration('planc');
  return {
    javaPath: config.get('java.path', ''),
    serverJar: config.get('server.jar', ''),
    serverArgs: config.get('server.args', []),
  };
}

function workspaceFolder() {
  const folders = vscode.workspace.workspaceFolders;
  return folders && folders.length > 0 ? folders[0].uri.fsPath : undefined;
}

async function startClient(context) {
  let command;
  try {
    command = serverCommand(settings(), {
      bundledJar: context.asAbsolutePath(path.join('server', 'planc.jar')),
      workspaceFolder: workspaceFolder(),
    });
  } catch (e) {
    if (e instanceof SettingError) {
      const choice = await vscode.window.showErrorMessage(e.message, 'Open Settings');
      if (choice === 'Open Settings') {
        await vscode.commands.executeCommand('workbench.action.openSettings', 'planc.');
      }
      return;
    }
    throw e;
  }
  output.appendLine(`Starting: ${command.command} ${command.args.join(' ')}`);

  client = new LanguageClient(
    CLIENT_ID,
    'Planc Language Server',
    { command: command.command, args: command.args, options: { cwd: workspaceFolder() } },
    {
      documentSelector: [
        { scheme: 'file', language: 'plan' },
        { scheme: 'untitled', language: 'plan' },
      ],
      synchronize: {
        // An included file that changes on disk changes the diagnostics of the files including it.
        fileEvents: vscode.workspace.createFileSystemWatcher('**/*.plan'),
      },
      outputChannel: output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
    });
  try {
    await client.start();
  } catch (e) {
    const failed = client;
    client = undefined;
    await failed.dispose().catch(() => undefined);
    const choice = await vscode.window.showErrorMessage(
      `Planc: the language server did not start (${command.command} ${command.args.join(' ')}): `
      + `${e && e.message ? e.message : e}. Check planc.java.path (Java 17 or newer) and planc.server.jar.`,
      'Open Settings', 'Show Output');
    if (choice === 'Open Settings') {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'planc.');
    } else if (choice === 'Show Output') {
      output.show(true);
    }
  }
}

async function stopClient() {
  if (client) {
    const running = client;
    client = undefined;
    await running.stop().catch(() => undefined);
  }
}

async function restartClient(context) {
  await stopClient();
  await startClient(context);
}

async function activate(context) {
  output = vscode.window.createOutputChannel('Planc');
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('planc.restartServer', () => restartClient(context)),
    vscode.commands.registerCommand('planc.showOutput', () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (SETTINGS.some((s) => event.affectsConfiguration(s))) {
        restartClient(context);
      }
    }),
    { dispose: () => { stopClient(); } },
  );
  await startClient(context);
}

function deactivate() {
  return stopClient();
}

module.exports = { activate, deactivate };
