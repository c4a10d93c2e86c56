/**
 * Confluent's wire format: magic byte 0, the schema id as a 4-byte big-endian integer, then
 * (Protobuf only) the message indexes, then the payload.
 */
export function wireFormat(schemaId: number, payload: Buffer, messageIndexes?: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.writeUInt32BE(schemaId, 1);
  return Buffer.concat(messageIndexes ? [header, messageIndexes, payload] : [header, payload]);
}
