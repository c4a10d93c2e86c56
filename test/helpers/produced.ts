/**
 * A produce's records, every one of them written: a record that came back with an error (its
 * partition's send failed) fails the test here, with that error, rather than as a missing offset later.
 */
export function allWritten<E>(records: ReadonlyArray<{ partition: number; offset: string } | { partition: number; error: E }>): Array<{ partition: number; offset: string }> {
  return records.map((record, index) => {
    if ('error' in record) throw new Error(`record ${index} was not written: ${JSON.stringify(record.error)}`);
    return record;
  });
}
