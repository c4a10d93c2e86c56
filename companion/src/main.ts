import { banner } from './cli/banner';
import { bundledExtensionId, extensionBuildDir, packageVersion, standaloneUiDir } from './cli/paths';
import { ConfigError, helpText, parseCliArgs, resolveConfig } from './config';
import { type DemoCluster, startDemoCluster } from './demo/demo-cluster';
import { createKafkaJsGateway } from './kafka';
import { createGatewayRegistry } from './cli/gateway-registry';
import { startCompanion } from './server/start';

/** `kafka-inspector`: flags -> config -> (demo broker) -> server. Everything else lives in its module. */
async function main(argv: string[]): Promise<void> {
  const cli = parseCliArgs(argv, process.env);
  if (cli.help) return void process.stdout.write(helpText());
  const version = await packageVersion();
  if (cli.version) return void process.stdout.write(`${version}\n`);

  const { config, warnings, demo } = await resolveConfig(cli, process.env);
  const bundled = bundledExtensionId();
  if (bundled && !config.extensionIds.includes(bundled)) config.extensionIds = [...config.extensionIds, bundled];
  let demoCluster: DemoCluster | null = null;
  if (demo) {
    process.stdout.write('Starting the demo broker (librdkafka mock cluster on loopback)...\n');
    demoCluster = await startDemoCluster();
    config.clusters = [...config.clusters, demoCluster.profile];
  }
  const gateways = createGatewayRegistry(config.clusters, (profile) => createKafkaJsGateway(profile));
  const uiDir = standaloneUiDir();
  const companion = await startCompanion(config, { gatewayFor: gateways.get, uiDir, serverVersion: version });
  const extensionDir = extensionBuildDir();
  process.stdout.write(`${banner({ config, url: companion.url, version, demo, uiBuilt: uiDir !== null, extensionDir, warnings })}\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: closing streams and Kafka connections...\n`);
    // Shutdown is promised in under 2 s; a stuck broker connection must not hold the process.
    const deadline = setTimeout(() => process.exit(1), 2000);
    deadline.unref();
    await companion.close();
    await gateways.closeAll();
    await demoCluster?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  // After the signal handlers: a Ctrl-C while the demo topics are seeded still shuts down cleanly.
  if (demoCluster) {
    const gateway = gateways.get(demoCluster.profile.name);
    await demoCluster
      .startEvents(gateway, (error) => {
        if (!stopping) process.stderr.write(`demo generator: ${String(error)}\n`);
      })
      .catch((error: unknown) => {
        if (!stopping) throw error;
      });
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`kafka-inspector: ${error.message}\nRun kafka-inspector --help for the options.\n`);
    process.exit(2);
  }
  process.stderr.write(`kafka-inspector: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
