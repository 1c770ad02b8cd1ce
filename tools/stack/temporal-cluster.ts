/**
 * The production-shaped Temporal cluster — two server nodes on PostgreSQL — started and
 * restarted by the project's own script (`scripts/services.sh start temporal-cluster`), as an
 * operator runs it, but on ports, databases and a folder of its own, so a test can kill a node
 * and start it again without touching anyone else's cluster.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '@libs/config/config';
import { freePortBlock, waitFor } from './ports';
import { clientTlsEnv, type TestCertificates } from './test-certificates';

const ROOT = join(__dirname, '../..');
/** The script's layout (deploy/temporal/config.yaml): ten ports a node, node n from base + 10 × (n − 1). */
const PORTS_PER_NODE = 10;
const CLUSTER_NODES = 2;

export class TemporalCluster {
  private constructor(
    readonly basePort: number,
    readonly databaseName: string,
    private readonly dir: string,
    private readonly databaseServerUrl: string,
    private readonly tls?: TestCertificates,
  ) {}

  /** With `tls`, every connection to and between the nodes is mutual TLS under the test's own CA. */
  static async start(options: { tls?: TestCertificates } = {}): Promise<TemporalCluster> {
    const cluster = new TemporalCluster(
      await freePortBlock(PORTS_PER_NODE * CLUSTER_NODES),
      `temporal_test_${randomBytes(4).toString('hex')}`,
      mkdtempSync(join(tmpdir(), 'plan-eval-temporal-cluster-')),
      loadConfig('database').DATABASE_URL,
      options.tls,
    );
    try {
      await cluster.restart();
    } catch (e) {
      // A node that did start, and the databases, would otherwise outlive the test.
      await cluster.stop().catch(() => undefined);
      throw e;
    }
    return cluster;
  }

  /** Node 1's frontend: what the worker and the clients connect to. */
  get address(): string {
    return this.nodeAddress(1);
  }

  /** What an app needs to reach the cluster (its address, and its client certificate when TLS is on). */
  get clientEnv(): Record<string, string> {
    return { TEMPORAL_ADDRESS: this.address, ...(this.tls ? clientTlsEnv(this.tls.ca, this.tls.client) : {}) };
  }

  nodeAddress(node: number): string {
    return `127.0.0.1:${this.basePort + PORTS_PER_NODE * (node - 1)}`;
  }

  /** The cluster's own database (history, shards, membership), for a test's look inside. */
  get databaseUrl(): string {
    const url = new URL(this.databaseServerUrl);
    url.pathname = `/${this.databaseName}`;
    return url.toString();
  }

  pid(node: number): number {
    return Number(readFileSync(join(this.dir, `node-${node}`, 'pid'), 'utf8'));
  }

  /** Every node's process, by the name its CPU time is reported under. */
  pids(): Record<string, number | undefined> {
    return Object.fromEntries(
      Array.from({ length: CLUSTER_NODES }, (_, i) => [`temporal node ${i + 1}`, this.pid(i + 1)]),
    );
  }

  /** A crash of one node: SIGKILL, no shutdown, its shards and task queue partitions left for the other to take. */
  async kill(node: number): Promise<void> {
    const pid = this.pid(node);
    process.kill(pid, 'SIGKILL');
    await waitFor(`node ${node} gone`, () => !isRunning(pid), 15_000);
  }

  /** Starts whichever node is not running and returns once every node has joined (the script's own check). */
  restart(): Promise<void> {
    return this.script('start');
  }

  async stop(): Promise<void> {
    await this.script('stop');
    const admin = new Client({ connectionString: this.adminUrl() });
    await admin.connect();
    try {
      for (const db of [this.databaseName, `${this.databaseName}_visibility`])
        await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private adminUrl(): string {
    const url = new URL(this.databaseServerUrl);
    url.pathname = '/postgres';
    return url.toString();
  }

  private script(action: 'start' | 'stop'): Promise<void> {
    const child = spawn('bash', [join(ROOT, 'scripts/services.sh'), action, 'temporal-cluster'], {
      env: {
        ...process.env,
        PLAN_EVAL_PG_PORT: new URL(this.databaseServerUrl).port,
        PLAN_EVAL_TEMPORAL_CLUSTER_PORT: String(this.basePort),
        PLAN_EVAL_TEMPORAL_CLUSTER_DIR: this.dir,
        PLAN_EVAL_TEMPORAL_CLUSTER_DB: this.databaseName,
        TEMPORAL_NAMESPACE: 'default',
        ...(this.tls
          ? {
              PLAN_EVAL_TEMPORAL_CLUSTER_TLS_CA: this.tls.ca,
              PLAN_EVAL_TEMPORAL_CLUSTER_TLS_CERT: this.tls.node.cert,
              PLAN_EVAL_TEMPORAL_CLUSTER_TLS_KEY: this.tls.node.key,
            }
          : {}),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    return new Promise((resolve, reject) =>
      child.once('exit', (code) =>
        code === 0
          ? resolve()
          : reject(new Error(`services.sh ${action} temporal-cluster failed (${code}):\n${stderr}`)),
      ),
    );
  }
}

/** Alive and not a zombie (a killed node the script started is nobody's child here). */
function isRunning(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}
