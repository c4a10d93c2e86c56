import protobuf from 'protobufjs';
import { jsonSafe } from '../codec/json-safe';
import './protobuf-well-known';

/**
 * Protobuf decoding from .proto source (a registry schema with its references, or a local file
 * with its imports), rendered as JSON with the .proto's field names: 64-bit integers as strings,
 * enums by name, bytes base64, every field present (defaults too), Timestamp and Duration and the
 * wrapper types as proto3's JSON mapping writes them.
 */
export interface ProtobufDecoder {
  /** The message type at Confluent message indexes ([0] is the file's first message). */
  typeAt(indexes: number[]): protobuf.Type;
  /** A message type by full name (a local schema's `messageType`). */
  typeNamed(name: string): protobuf.Type;
  /**
   * The main file's message types by full name (no leading dot) with their Confluent message
   * indexes: each top-level message, then the ones nested in it, depth first.
   */
  messageTypes(): Array<{ name: string; indexes: number[] }>;
  decode(type: protobuf.Type, payload: Uint8Array): unknown;
}

const TO_OBJECT: protobuf.IConversionOptions = { longs: String, enums: String, bytes: String, defaults: true, json: true };
const PARSE: protobuf.IParseOptions = { keepCase: true };

/**
 * Compiles a .proto file. `imports` holds the files it imports (and theirs), by the import path
 * they are imported as; google/protobuf/* files are built in. Throws on source that does not
 * parse or names types nowhere defined.
 */
export function compileProtobuf(main: string, imports: Record<string, string> = {}): ProtobufDecoder {
  const root = new protobuf.Root();
  const wellKnown = new Set<string>();
  const sources = [main, ...Object.values(imports)];
  for (const source of sources) {
    for (const match of source.matchAll(/^\s*import\s+(?:public\s+|weak\s+)?"(google\/protobuf\/[^"]+)"/gm)) wellKnown.add(match[1] as string);
  }
  for (const name of wellKnown) {
    const json = protobuf.common.get(name);
    if (json?.nested) root.addJSON(json.nested);
  }
  for (const [name, source] of Object.entries(imports)) {
    if (!name.startsWith('google/protobuf/')) protobuf.parse(source, root, PARSE);
  }
  protobuf.parse(main, root, PARSE);
  root.resolveAll();
  // The message indexes count the main file's own messages in declaration order, which a fresh
  // root holding only that file gives (the shared one mixes in the imports' messages).
  const alone = protobuf.parse(main, new protobuf.Root(), PARSE);
  const ns = alone.package ? alone.root.lookup(alone.package) : alone.root;
  const topNames = ns instanceof protobuf.Namespace ? messagesOf(ns).map((type) => type.fullName) : [];
  if (topNames.length === 0) throw new Error('the .proto file defines no message');
  let listed: Array<{ name: string; indexes: number[] }> | null = null;
  const walk = (type: protobuf.Type, indexes: number[], into: Array<{ name: string; indexes: number[] }>): void => {
    into.push({ name: protobufTypeName(type), indexes });
    messagesOf(type).forEach((nested, i) => walk(nested, [...indexes, i], into));
  };

  return {
    typeAt(indexes) {
      const [first = 0, ...rest] = indexes;
      const name = topNames[first];
      if (name === undefined) throw new Error(`message index ${first} is past the file's ${topNames.length} messages`);
      let type = root.lookupType(name);
      for (const index of rest) {
        const nested = messagesOf(type)[index];
        if (!nested) throw new Error(`message index ${index} is past the nested messages of ${type.fullName.slice(1)}`);
        type = nested;
      }
      return type;
    },
    typeNamed: (name) => root.lookupType(name),
    messageTypes() {
      if (!listed) {
        listed = [];
        for (const [i, name] of topNames.entries()) walk(root.lookupType(name), [i], listed);
      }
      return listed;
    },
    decode: (type, payload) => jsonSafe(type.toObject(type.decode(payload), TO_OBJECT)),
  };
}

/** Message types declared directly in a namespace or message, in declaration order. */
function messagesOf(ns: protobuf.NamespaceBase): protobuf.Type[] {
  return ns.nestedArray.filter((n): n is protobuf.Type => n instanceof protobuf.Type);
}

/** A type's name as people write it: without protobufjs's leading dot. */
export function protobufTypeName(type: protobuf.Type): string {
  return type.fullName.replace(/^\./, '');
}
