/**
 * What the registry integration files share: registering a schema on a real registry (Karapace in
 * CI), and an Avro schema in two compatible versions to decode and to evolve.
 */
export const ORDER_V1 = { type: 'record', name: 'Order', namespace: 'shop', fields: [{ name: 'id', type: 'long' }, { name: 'customer', type: { type: 'record', name: 'Customer', fields: [{ name: 'id', type: 'string' }] } }] };
export const ORDER_V2 = { ...ORDER_V1, fields: [...ORDER_V1.fields, { name: 'amount', type: ['null', { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 }], default: null }] };

/** Registers a schema under a subject (Confluent's REST API) and returns its id. */
export async function register(registry: string, subject: string, schema: string, schemaType?: string, references?: unknown[]): Promise<number> {
  const res = await fetch(`${registry}/subjects/${encodeURIComponent(subject)}/versions`, {
    method: 'POST',
    headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
    body: JSON.stringify({ schema, ...(schemaType ? { schemaType } : {}), ...(references ? { references } : {}) }),
  });
  if (!res.ok) throw new Error(`registering ${subject}: HTTP ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: number }).id;
}

/** Bytes to produce as they are. */
export const b64 = (bytes: Buffer) => ({ encoding: 'binary' as const, base64: bytes.toString('base64') });
