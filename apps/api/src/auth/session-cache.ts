/**
 * Each account's session standing (libs/access/sessions), kept for a few
 * seconds so that a busy session (a department submitting its items one after
 * another) does not read its account on every request. Dropped at once when
 * the account changes: here by the request that changed it (`forget`, after
 * its transaction), in every API process through PostgreSQL's announcement
 * of the change (migration AccountChangedNotify), which comes with the commit.
 *
 * Security first: nothing is kept unless this process is listening, since a
 * change announced while it is not would go unheard; a lost connection drops
 * everything kept, and so does listening again. A read that began before a
 * drop is answered but not kept (it may have read the account before the
 * change). Link sessions are not kept: their standing moves with their item.
 */
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { readAccountStanding, type AccountStanding } from '@libs/access/sessions';
import { ACCOUNT_CHANGED_CHANNEL, AccessRepository } from '@libs/persistence/repositories/access.repository';
import { ChannelListener } from '@libs/persistence/repositories/channel-listener';

/** How long a standing is kept: the bound on a change going unseen should its announcement be lost on a live connection. */
const KEPT_MS = 10_000;
/** Far more accounts than sign in at once; past it, the longest kept goes first. */
const MOST_KEPT = 10_000;

/** The standings kept and the rules of keeping them, apart from PostgreSQL. */
export class KeptStandings {
  private readonly kept = new Map<string, { standing: AccountStanding; until: number }>();
  /** Moves on with every drop: a read that began before it is not kept. */
  private generation = 0;
  private listening = false;

  constructor(
    private readonly read: (accountId: string) => Promise<AccountStanding | null>,
    private readonly now: () => number = Date.now,
    private readonly limits = { keptMs: KEPT_MS, most: MOST_KEPT },
  ) {}

  /** The account's standing: kept, or read (and kept while listening). */
  async standing(accountId: string): Promise<AccountStanding | null> {
    const kept = this.kept.get(accountId);
    if (kept && kept.until > this.now()) return kept.standing;
    const generation = this.generation;
    const standing = await this.read(accountId);
    if (standing && this.listening && generation === this.generation) {
      // Deleted first, so the map's order stays the order kept in, the oldest first.
      this.kept.delete(accountId);
      this.kept.set(accountId, { standing, until: this.now() + this.limits.keptMs });
      if (this.kept.size > this.limits.most) this.kept.delete(this.kept.keys().next().value!);
    }
    return standing;
  }

  /** The account changed (its transaction committed): its next request reads it again. */
  forget(accountId: string): void {
    this.generation++;
    this.kept.delete(accountId);
  }

  /** Listening (again), or not: either way what was kept may have missed a change. */
  hearing(listening: boolean): void {
    this.listening = listening;
    this.generation++;
    this.kept.clear();
  }
}

@Injectable()
export class SessionCache implements OnModuleInit, OnModuleDestroy {
  private readonly kept: KeptStandings;
  private readonly listener: ChannelListener;
  private readonly log = new Logger('SessionCache');

  constructor(@Inject(DataSource) ds: DataSource, @Inject(AccessRepository) accounts: AccessRepository) {
    this.kept = new KeptStandings((accountId) => readAccountStanding(accounts, accountId));
    this.listener = new ChannelListener((ds.options as { url: string }).url, ACCOUNT_CHANGED_CHANNEL, {
      notified: (accountId) => this.kept.forget(accountId),
      connected: () => this.kept.hearing(true),
      lost: (e) => {
        this.kept.hearing(false);
        this.log.warn(
          `stopped hearing of account changes; sessions are read from PostgreSQL until heard again: ${e.message}`,
        );
      },
    });
  }

  onModuleInit(): void {
    this.listener.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.kept.hearing(false);
    await this.listener.stop();
  }

  standing(accountId: string): Promise<AccountStanding | null> {
    return this.kept.standing(accountId);
  }

  /** The account changed (its transaction committed): dropped here at once, before its announcement arrives. */
  forget(accountId: string): void {
    this.kept.forget(accountId);
  }
}
