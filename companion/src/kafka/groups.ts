import { type Admin, AssignerProtocol } from 'kafkajs';
import type { GroupDetail, GroupOffset, GroupSummary } from '@kafka-inspector/shared';
import { toGatewayError } from './error-map';

export async function listGroups(admin: Admin): Promise<GroupSummary[]> {
  try {
    const { groups } = await admin.listGroups();
    const described = groups.length ? await admin.describeGroups(groups.map((g) => g.groupId)).catch(() => null) : null;
    const byId = new Map(described?.groups.map((g) => [g.groupId, g]));
    return groups
      .map((g) => ({ groupId: g.groupId, protocolType: g.protocolType, state: byId.get(g.groupId)?.state ?? null, members: byId.get(g.groupId)?.members.length ?? null }))
      .sort((a, b) => a.groupId.localeCompare(b.groupId));
  } catch (error) {
    throw toGatewayError(error, 'cannot list consumer groups');
  }
}

/**
 * A group's members (DescribeGroups) and, per partition, committed offset, end offset and lag
 * (OffsetFetch + ListOffsets, which every broker has). Members are null with `membersError` when
 * the broker cannot describe groups, so lag still shows.
 */
export async function describeGroup(admin: Admin, groupId: string, topics?: string[]): Promise<GroupDetail> {
  let offsets: GroupOffset[];
  try {
    const committed = await admin.fetchOffsets({ groupId, ...(topics ? { topics } : {}) });
    offsets = (
      await Promise.all(
        committed.map(async ({ topic, partitions }) => {
          const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p.high]));
          return partitions.map(({ partition, offset }) => {
            const end = ends.get(partition) ?? '0';
            const has = BigInt(offset) >= 0n;
            return { topic, partition, committed: has ? offset : null, end, lag: has ? maxZero(BigInt(end) - BigInt(offset)).toString() : null };
          });
        }),
      )
    )
      .flat()
      .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  } catch (error) {
    throw toGatewayError(error, `cannot fetch offsets of group ${groupId}`);
  }
  const totalLag = offsets.reduce((sum, o) => sum + BigInt(o.lag ?? '0'), 0n).toString();
  try {
    const { groups } = await admin.describeGroups([groupId]);
    const group = groups[0];
    return {
      groupId,
      state: group?.state ?? null,
      protocol: group?.protocol || null,
      members: (group?.members ?? []).map((m) => ({ memberId: m.memberId, clientId: m.clientId, host: m.clientHost, assignments: decodeAssignment(m.memberAssignment) })),
      offsets,
      totalLag,
    };
  } catch (error) {
    const { code, message } = toGatewayError(error, 'DescribeGroups');
    return { groupId, state: null, protocol: null, members: null, membersError: { code, message }, offsets, totalLag };
  }
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
