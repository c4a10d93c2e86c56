import { type Admin, AssignerProtocol } from 'kafkajs';
import type { GroupDetail, GroupOffset, GroupSummary } from '@kafka-inspector/shared';
import type { ClusterReads, CommittedOffsets, TopicMeta } from './cluster-reads';
import { toGatewayError } from './error-map';
import { GatewayError } from './gateway';

/**
 * Every group the cluster knows (ListGroups), with state and member count (DescribeGroups). On a
 * broker with no ListGroups, `ownGroups` (groups this companion runs itself) are listed instead,
 * state and members unknown, rather than failing: their lag still shows in describeGroup.
 */
export async function listGroups(admin: Admin, ownGroups: string[] = []): Promise<GroupSummary[]> {
  try {
    const { groups } = await admin.listGroups();
    const described = groups.length ? await admin.describeGroups(groups.map((g) => g.groupId)).catch(() => null) : null;
    const byId = new Map(described?.groups.map((g) => [g.groupId, g]));
    return groups
      .map((g) => ({ groupId: g.groupId, protocolType: g.protocolType, state: byId.get(g.groupId)?.state ?? null, members: byId.get(g.groupId)?.members.length ?? null }))
      .sort((a, b) => a.groupId.localeCompare(b.groupId));
  } catch (error) {
    const failure = toGatewayError(error, 'cannot list consumer groups');
    if (failure.code !== 'UNSUPPORTED_BY_BROKER' || ownGroups.length === 0) throw failure;
    return [...ownGroups].sort().map((groupId) => ({ groupId, protocolType: 'consumer', state: null, members: null }));
  }
}

/** The coordinator moved or is still loading the group's offsets (e.g. right after __consumer_offsets is made). */
const COORDINATOR_BUSY = new Set(['NOT_COORDINATOR_FOR_GROUP', 'NOT_COORDINATOR', 'COORDINATOR_LOAD_IN_PROGRESS', 'GROUP_LOAD_IN_PROGRESS', 'GROUP_COORDINATOR_NOT_AVAILABLE', 'COORDINATOR_NOT_AVAILABLE']);

async function askCoordinator<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const type = (error as { type?: string; originalError?: { type?: string } }).type ?? (error as { originalError?: { type?: string } }).originalError?.type;
      if (attempt >= 5 || !type || !COORDINATOR_BUSY.has(type)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
}

type Member = NonNullable<GroupDetail['members']>[number];

/**
 * A group's members (DescribeGroups) and, per partition, committed offset, end offset and lag
 * (OffsetFetch + ListOffsets, which every broker has). Members are null with `membersError` when
 * the broker cannot describe groups, so lag still shows.
 *
 * Partitions are those the group committed plus those assigned to a live member (and, when
 * `topics` names topics, every partition of those). An assigned
 * partition with no commit is listed with `committed: null` and `lag: null`, as kafka-consumer-groups
 * shows it (CURRENT-OFFSET '-', LAG '-'): where such a consumer starts depends on its
 * auto.offset.reset, which the broker does not know. `totalLag` sums the known lags.
 *
 * OffsetFetch and ListOffsets go through the cluster reads: KafkaJS's admin would track each named
 * topic for good (see cluster-reads.ts).
 */
export async function describeGroup(admin: Admin, reads: ClusterReads, groupId: string, topics?: string[]): Promise<GroupDetail> {
  let metadata: Map<string, TopicMeta>;
  let committed: CommittedOffsets;
  const described = askCoordinator(() => admin.describeGroups([groupId])).then(
    (value) => ({ ok: true as const, group: value.groups[0] }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  try {
    metadata = new Map((await reads.topics()).map((t) => [t.name, t]));
    // Named topics: OffsetFetch names each of their partitions. Otherwise it asks for all the group committed.
    const named = topics?.flatMap((topic) => {
      const meta = metadata.get(topic);
      return meta ? [{ topic, partitions: meta.partitions.map((p) => p.partitionId) }] : [];
    });
    committed = await askCoordinator(() => reads.committedOffsets(groupId, named));
    if (!named && !committed.some((t) => t.partitions.some((p) => BigInt(p.offset) >= 0n)) && !(await described).ok) {
      // A broker with no DescribeGroups may not answer "every topic" in OffsetFetch either (the
      // demo's mock answers nothing): ask for each partition of each topic by name instead, and keep
      // what was committed, as "every topic" would have answered.
      const every = [...metadata.values()].filter((t) => !t.internal).map((t) => ({ topic: t.name, partitions: t.partitions.map((p) => p.partitionId) }));
      committed = (await askCoordinator(() => reads.committedOffsets(groupId, every)))
        .map(({ topic, partitions }) => ({ topic, partitions: partitions.filter((p) => BigInt(p.offset) >= 0n) }))
        .filter((t) => t.partitions.length > 0);
    }
  } catch (error) {
    await described;
    throw toGatewayError(error, `cannot fetch offsets of group ${groupId}`);
  }
  const describe = await described;
  const group = describe.ok ? describe.group : undefined;
  // Kafka describes a group it does not know as "Dead" with no members; with no commits either, it does not exist.
  if (describe.ok && (!group || group.state === 'Dead') && committed.every((t) => t.partitions.every((p) => BigInt(p.offset) < 0n))) {
    throw new GatewayError('NOT_FOUND', `consumer group ${groupId} does not exist`);
  }
  const members: Member[] | null = describe.ok
    ? (group?.members ?? []).map((m) => ({ memberId: m.memberId, clientId: m.clientId, host: m.clientHost, assignments: decodeAssignment(m.memberAssignment) }))
    : null;

  let offsets: GroupOffset[];
  try {
    offsets = await groupOffsets(reads, metadata, committed, members ?? [], topics);
  } catch (error) {
    throw toGatewayError(error, `cannot fetch offsets of group ${groupId}`);
  }
  const totalLag = offsets.reduce((sum, o) => sum + BigInt(o.lag ?? '0'), 0n).toString();
  if (!describe.ok) {
    const { code, message } = toGatewayError(describe.error, 'DescribeGroups');
    return { groupId, state: null, protocol: null, members: null, membersError: { code, message }, offsets, totalLag };
  }
  return { groupId, state: group?.state ?? null, protocol: group?.protocol || null, members, offsets, totalLag };
}

/** Committed and assigned partitions with their end offsets, from batched ListOffsets. */
async function groupOffsets(
  reads: ClusterReads,
  metadata: Map<string, TopicMeta>,
  committed: CommittedOffsets,
  members: Member[],
  named: string[] | undefined,
): Promise<GroupOffset[]> {
  const wanted = (topic: string) => !named || named.includes(topic);
  const rows = new Map<string, Map<number, string | null>>();
  const row = (topic: string) => rows.get(topic) ?? rows.set(topic, new Map()).get(topic)!;
  for (const { topic, partitions } of committed) {
    if (!wanted(topic)) continue;
    for (const { partition, offset } of partitions) row(topic).set(partition, BigInt(offset) >= 0n ? offset : null);
  }
  for (const { assignments } of members) {
    for (const { topic, partitions } of assignments) {
      if (!wanted(topic)) continue;
      for (const partition of partitions) if (!row(topic).has(partition)) row(topic).set(partition, null);
    }
  }
  // Offsets of a deleted topic outlive it for a while: with no log left there is no end or lag to show.
  const asked = [...rows].flatMap(([topic, partitions]) =>
    [...partitions.keys()].flatMap((partition) => {
      const meta = metadata.get(topic)?.partitions.find((p) => p.partitionId === partition);
      return meta ? [{ topic, partition, leader: meta.leader }] : [];
    }),
  );
  if (asked.length === 0) return [];
  const marks = await reads.watermarks(asked);
  return asked
    .map(({ topic, partition }) => {
      const mark = marks.get(topic)?.get(partition);
      if (!mark || !('high' in mark)) throw mark?.error ?? new Error(`partition ${partition} of ${topic} did not answer ListOffsets`);
      const offset = rows.get(topic)!.get(partition) ?? null;
      const end = mark.high;
      return { topic, partition, committed: offset, end, lag: offset === null ? null : maxZero(BigInt(end) - BigInt(offset)).toString() };
    })
    .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}

const maxZero = (value: bigint) => (value < 0n ? 0n : value);

function decodeAssignment(buffer: Buffer): Array<{ topic: string; partitions: number[] }> {
  if (!buffer?.length) return [];
  try {
    const decoded = AssignerProtocol.MemberAssignment.decode(buffer);
    return Object.entries(decoded?.assignment ?? {}).map(([topic, partitions]) => ({ topic, partitions: [...partitions].sort((a, b) => a - b) }));
  } catch {
    // Non-consumer groups (Connect, Streams with custom protocols) carry other assignment formats.
    return [];
  }
}
