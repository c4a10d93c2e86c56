import { readFile } from 'node:fs/promises';
import { dirname, extname, isAbsolute, resolve } from 'node:path';
import type { LocalSchemaSettings, TopicDecoderSettings } from '../codec/record-decoder';
import { ConfigError } from '../config/config-error';

/** A schema file as the config file names it (paths relative to the config file). */
export interface LocalSchemaEntry {
  file: string;
  format?: 'avro' | 'protobuf' | 'json-schema';
  /** Protobuf: the message to decode with; default the file's first. */
  messageType?: string;
  /** Protobuf: folders `import "..."` paths are looked up in, after the file's own folder. */
  importPaths?: string[];
}

export interface TopicSchemaEntry {
  topic: string;
  key?: LocalSchemaEntry;
  value?: LocalSchemaEntry;
}

/** Imports the companion never reads from disk: protobufjs carries the well-known types. */
const WELL_KNOWN = /^google\/protobuf\//;
const IMPORT = /^\s*import\s+(?:public\s+|weak\s+)?"([^"]+)"\s*;/gm;
const MAX_IMPORTS = 200;

/** The format a file's name implies: .avsc Avro, .proto Protobuf, .json JSON Schema. */
export function formatOf(entry: LocalSchemaEntry): LocalSchemaSettings['format'] {
  if (entry.format) return entry.format;
  const ext = extname(entry.file).toLowerCase();
  if (ext === '.avsc') return 'avro';
  if (ext === '.proto') return 'protobuf';
  if (ext === '.json') return 'json-schema';
  throw new ConfigError(`schema file ${entry.file}: say its "format" (avro, protobuf or json-schema); the name ends in neither .avsc, .proto nor .json`);
}

/**
 * Reads the schema files bound to topics, at start: a missing file or import is a config error
 * now, not a raw record later. Protobuf imports are read too (by the path they are imported as),
 * so the decoder needs no file system and its settings can cross to a worker.
 */
export async function readLocalSchemas(entries: TopicSchemaEntry[], configFile: string, where: string): Promise<Record<string, TopicDecoderSettings>> {
  const base = dirname(configFile);
  const topics: Record<string, TopicDecoderSettings> = {};
  for (const entry of entries) {
    const topic: TopicDecoderSettings = {};
    for (const part of ['key', 'value'] as const) {
      const schema = entry[part];
      if (schema) topic[part] = { schema: await readOne(schema, base, `${where}, schemas topic "${entry.topic}" ${part}`) };
    }
    topics[entry.topic] = topic;
  }
  return topics;
}

async function readOne(entry: LocalSchemaEntry, base: string, where: string): Promise<LocalSchemaSettings> {
  const path = resolve(base, entry.file);
  const format = formatOf(entry);
  const contents = await readText(path, where);
  const settings: LocalSchemaSettings = { file: entry.file, format, contents };
  if (format === 'avro' || format === 'json-schema') {
    try {
      JSON.parse(contents);
    } catch (error) {
      throw new ConfigError(`${where}: ${path} is not JSON: ${(error as Error).message}`);
    }
  }
  if (format === 'protobuf') {
    if (entry.messageType) settings.messageType = entry.messageType;
    const roots = [dirname(path), ...(entry.importPaths ?? []).map((p) => (isAbsolute(p) ? p : resolve(base, p)))];
    settings.imports = await readImports(contents, roots, where);
  }
  return settings;
}

/** Every file a .proto imports, transitively, by import path; well-known types excepted. */
async function readImports(contents: string, roots: string[], where: string): Promise<Record<string, string>> {
  const imports: Record<string, string> = {};
  const queue = importsOf(contents);
  while (queue.length > 0) {
    const name = queue.shift() as string;
    if (name in imports || WELL_KNOWN.test(name)) continue;
    if (Object.keys(imports).length >= MAX_IMPORTS) throw new ConfigError(`${where}: more than ${MAX_IMPORTS} imports`);
    const text = await findImport(name, roots, where);
    imports[name] = text;
    queue.push(...importsOf(text));
  }
  return imports;
}

function importsOf(text: string): string[] {
  return [...text.matchAll(IMPORT)].map((m) => m[1] as string);
}

async function findImport(name: string, roots: string[], where: string): Promise<string> {
  for (const root of roots) {
    try {
      return await readFile(resolve(root, name), 'utf8');
    } catch {
      // Next import path.
    }
  }
  throw new ConfigError(`${where}: import "${name}" is in none of ${roots.join(', ')} (add its folder to "importPaths")`);
}

async function readText(path: string, where: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`${where}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}
