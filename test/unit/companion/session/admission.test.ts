import { describe, expect, it } from 'vitest';
import { Admission, type Admittee } from '../../../../companion/src/session/admission';

const socket = (evicted: string[], name: string): Admittee & { name: string } => ({ name, evict: () => evicted.push(name) });

describe('Admission: unpaired sockets apart from paired ones', () => {
  it('a full unpaired pool makes room by evicting its oldest socket that has not sent hello', () => {
    const evicted: string[] = [];
    const admission = new Admission(2, 2);
    const [a, b, c] = ['a', 'b', 'c'].map((name) => socket(evicted, name));
    admission.arrive(a!);
    admission.arrive(b!);
    admission.arrive(c!);
    expect(evicted).toEqual(['a']);
    admission.helloReceived(b!);
    admission.arrive(socket(evicted, 'd'));
    expect(evicted).toEqual(['a']);
  });

  it('pairs up to maxSockets whatever the unpaired pool holds; a leaving session frees its place', () => {
    const evicted: string[] = [];
    const admission = new Admission(1, 1);
    const user = socket(evicted, 'user');
    admission.arrive(user);
    expect(admission.pair(user)).toBe(true);
    const second = socket(evicted, 'second');
    admission.arrive(second);
    expect(admission.pair(second)).toBe(false);
    admission.leave(user);
    expect(admission.pair(second)).toBe(true);
    expect(admission.counts).toEqual({ unpaired: 0, paired: 1 });
  });
});
