import { linkRefusal, type LinkRefusal, type LinkStanding } from './link-standing';
import type { LinkScope } from './principal';

const standing = (itemStatus: string, o: Partial<LinkStanding> = {}): LinkStanding => ({
  itemStatus,
  cycleRunning: true,
  holderEntitled: true,
  signedOut: false,
  reviewOpen: false,
  ...o,
});

describe('linkRefusal', () => {
  it.each<[string, LinkScope['purpose'], LinkStanding | null, LinkRefusal | null]>([
    ['a submit link on an assigned item', 'submit', standing('assigned'), null],
    ['a submit link on a draft', 'submit', standing('draft'), null],
    ['a submit link on a returned item', 'submit', standing('returned'), null],
    ['a submit link once submitted', 'submit', standing('submitted'), 'purpose_done'],
    ['a submit link once approved', 'submit', standing('approved'), 'purpose_done'],
    ['a review link on a submitted item', 'review', standing('submitted'), null],
    ['a review link once returned', 'review', standing('returned'), 'purpose_done'],
    ['a review link once approved', 'review', standing('approved'), 'purpose_done'],
    ['a contribute link while the lead waits for review', 'contribute', standing('submitted'), null],
    ['a contribute link once approved', 'contribute', standing('approved'), 'purpose_done'],
    [
      'a comment link while the report is out for comments, the cycle closed',
      'comment',
      standing('approved', { cycleRunning: false, reviewOpen: true }),
      null,
    ],
    [
      'a comment link once the review stopped taking comments',
      'comment',
      standing('approved', { cycleRunning: false }),
      'purpose_done',
    ],
    [
      'a comment link whose holder changed',
      'comment',
      standing('approved', { cycleRunning: false, reviewOpen: true, holderEntitled: false }),
      'holder_changed',
    ],
    ['an item that no longer exists', 'submit', null, 'item_gone'],
    [
      'a holder who is no longer the contact or delegate',
      'submit',
      standing('draft', { holderEntitled: false }),
      'holder_changed',
    ],
    [
      'a closed cycle, before the holder',
      'submit',
      standing('draft', { cycleRunning: false, holderEntitled: false }),
      'cycle_closed',
    ],
    [
      'a signed-out session, before everything else',
      'review',
      standing('approved', { signedOut: true, cycleRunning: false }),
      'signed_out',
    ],
    [
      'a changed holder, before a finished purpose',
      'submit',
      standing('approved', { holderEntitled: false }),
      'holder_changed',
    ],
  ])('%s', (_, purpose, s, expected) => {
    expect(linkRefusal(purpose, s)).toBe(expected);
  });
});
