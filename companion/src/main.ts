import { banner } from './cli/banner';
import { bundledExtensionId, extensionBuildDir, packageVersion, standaloneUiDir } from './cli/paths';
import { ConfigError, helpText, parseCliArgs, parseSubcommand, resolveConfig } from './config';
import { type DemoCluster, startDemoCluster } from './demo/demo-cluster';
import { DemoBrokerUnavailable } from './demo/mock-broker';
import { createKafkaJsGateway } from './kafka';
import { createGatewayRegistry, type GatewayRegistry } from './cli/gateway-registry';
import { announceRunning, runHostCommand } from './native-host/cli';
import { type RunningCompanion, startCompanion } from './server/start';

/** `kafka-inspector`: flags -> config -> (demo broker) -> server. Everything else lives in its module. */
async function main(argv: string[]): Promise<void> {
  const sub = parseSubcommand(argv, process.env);
  if (sub?.command === 'native-host') {
    // Chrome reads this process's stdout as framed messages: nothing else may be printed, and the
    // process ends once its one reply is written (stdin stays open while the browser waits).
    process.exit(await runHostCommand(sub, bundledExtensionId(), (text) => void process.stdout.write(text), (text) => void process.stderr.write(text)));
  }
  if (sub) {
    if (sub.help) return void process.stdout.write(helpText());
    process.exitCode = await runHostCommand(sub, bundledExtensionId(), (text) => void process.stdout.write(text), (text) => void process.stderr.write(text));
    return;
  }
  const cli = parseCliArgs(argv, process.env);
  if (cli.help) return void process.stdout.write(helpText());
  const version = await packageVersion();
  if (cli.version) return void process.stdout.write(`${version}\n`);

  const { config, warnings, demo } = await resolveConfig(cli, process.env);
  const bundled = bundledExtensionId();
  if (bundled && !config.extensionIds.includes(bundled)) config.extensionIds = [...config.extensionIds, bundled];

  // Signals are handled from here on, before anything starts: a Ctrl-C at any moment of start-up
  // (the demo broker, the listener, the demo seeding) shuts down what is running and exits 0.
  let demoCluster: DemoCluster | null = null;
  let gateways: GatewayRegistry | null = null;
  let companion: RunningCompanion | null = null;
  const shutdown = new AbortController();
  const stop = async (signal: string) => {
    if (shutdown.signal.aborted) return;
    shutdown.abort(); // the demo's seeding and generator stop here, and their failures go unreported
    process.stdout.write(`\n${signal}: closing streams and Kafka connections...\n`);
    // Shutdown is promised in under 2 s; a stuck broker connection must not hold the process.
    const deadline = setTimeout(() => process.exit(1), 2000);
    deadline.unref();
    await companion?.close();
    await gateways?.closeAll();
    await demoCluster?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  if (demo) {
    process.stdout.write('Starting the demo broker (librdkafka mock cluster on loopback)...\n');
    const started = await startDemoCluster();
    demoCluster = started;
    if (shutdown.signal.aborted) return void (await started.stop());
    config.clusters = [...config.clusters, started.profile];
  }
  gateways = createGatewayRegistry(config.clusters, (profile) => createKafkaJsGateway(profile));
  const uiDir = standaloneUiDir();
  const running = await startCompanion(config, { gatewayFor: gateways.get, uiDir, serverVersion: version });
  companion = running;
  if (shutdown.signal.aborted) return void (await running.close());
  // For the browser host (install-browser-host): where this companion runs, removed at exit.
  await announceRunning(cli.configDir, running.url, config.tokenFile, (text) => void process.stderr.write(text));
  const extensionDir = extensionBuildDir();
  process.stdout.write(`${banner({ config, url: running.url, version, demo, uiBuilt: uiDir !== null, extensionDir, warnings })}\n`);

  if (demoCluster) {
    // Never rejects: a failure is one line on stderr, and none at all once shutdown began.
    await demoCluster.startEvents(gateways.get(demoCluster.profile.name), {
      signal: shutdown.signal,
      report: (line) => void process.stderr.write(`kafka-inspector: ${line}\n`),
    });
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`kafka-inspector: ${error.message}\nRun kafka-inspector --help for the options.\n`);
    process.exit(2);
  }
  if (error instanceof DemoBrokerUnavailable) {
    process.stderr.write(`kafka-inspector: ${error.message}\n`);
    process.exit(1);
  }
  process.stderr.write(`kafka-inspector: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
