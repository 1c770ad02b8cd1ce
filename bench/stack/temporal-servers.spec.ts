import { serverNames } from './temporal-servers';

describe('serverNames (--servers)', () => {
  it.each([
    ['dev', ['dev']],
    ['dev,cluster', ['dev', 'cluster']],
    ['cluster, dev', ['cluster', 'dev']],
    ['dev,dev', ['dev']],
  ])('%s is %j', (list, names) => expect(serverNames(list)).toEqual(names));

  it.each([
    ['dev,kubernetes', 'unknown kubernetes; known: dev, cluster'],
    ['', 'unknown (none given); known: dev, cluster'],
  ])('refuses %j naming the known servers', (list, message) => expect(() => serverNames(list)).toThrow(message));
});
