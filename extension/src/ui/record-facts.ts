import type { WireRecord } from '@kafka-inspector/shared';
import { formatBytes, formatCount } from './format';

/** Whose clock a record's time is, said plainly; null when the companion could not tell. */
export function timestampTypeText(type: WireRecord['timestampType']): string | null {
  if (type === 'CreateTime') return "CreateTime (producer's clock)";
  if (type === 'LogAppendTime') return "LogAppendTime (broker's clock)";
  return null;
}

/**
 * What a record over one of the companion's decoding caps really holds, one sentence per part:
 * "50,000 headers; the first 1,000 are shown". Empty for a record read whole.
 */
export function cappedFacts(record: Pick<WireRecord, 'capped' | 'headers'>): string[] {
  const capped = record.capped;
  if (!capped) return [];
  const facts: string[] = [];
  const kept = formatCount(record.headers.length);
  if (capped.headers !== undefined || capped.headerBytes !== undefined) {
    const count = capped.headers !== undefined ? `${formatCount(capped.headers)} headers` : 'headers';
    const bytes = capped.headerBytes !== undefined ? ` (${formatBytes(capped.headerBytes)})` : '';
    facts.push(`${count}${bytes}; the first ${kept} are shown`);
  }
  if (capped.keyBytes !== undefined) facts.push(`a key of ${formatBytes(capped.keyBytes)}; only its start was read`);
  if (capped.valueBytes !== undefined) facts.push(`a value of ${formatBytes(capped.valueBytes)}; only its start was read`);
  return facts;
}

/** Why a capped record is not resent: what was read is not the record. Null when it can be. */
export function cappedResendReason(record: Pick<WireRecord, 'capped' | 'headers'>): string | null {
  const facts = cappedFacts(record);
  return facts.length ? `Only part of this record was read (${facts.join('; ')}), so a resend would not be the same record.` : null;
}
