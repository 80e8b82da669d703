import { Prng } from './prng';

/**
 * Who refers to whom in the sample data, computed from an index alone so that alerts and
 * incidents can be streamed separately and still agree: incident k groups a run of alerts at
 * the start of its block (k × block … ), and each of those alerts names incident k. Each value
 * comes from its own generator, keyed by the seed, a stream and the index.
 */
export interface IncidentLink {
  id: string;
  companyIndex: number;
  signatureIndex: number;
  created: Date;
  /** Indexes of the alerts it groups (alerts without an id are never grouped). */
  alerts: number[];
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const STREAM = { alertId: 1, incidentId: 2, size: 3, company: 4, created: 5, signature: 6 } as const;

export class SampleLinks {
  private readonly block: number;

  constructor(
    private readonly seed: number,
    private readonly now: number,
    readonly alertCount: number,
    readonly incidentCount: number,
    private readonly companyCount: number,
    private readonly signatureCount: number,
  ) {
    this.block = incidentCount > 0 ? Math.floor(alertCount / incidentCount) : 0;
  }

  private keyed(stream: number, index: number): Prng {
    const rng = new Prng(Math.imul(this.seed ^ 0x5bd1e995, 31) ^ Math.imul(stream, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b));
    rng.next();
    return rng;
  }

  /** A few alerts from an old import carry no `id`: their key becomes the string of _id. */
  alertId(index: number): string | undefined {
    return index % 500 === 17 ? undefined : this.keyed(STREAM.alertId, index).uuid();
  }

  incidentId(index: number): string {
    return this.keyed(STREAM.incidentId, index).uuid();
  }

  /** About a third of the alerts belong to an incident, 2 to 12 each. */
  private incidentSize(index: number): number {
    if (this.block < 2) return this.block;
    return this.keyed(STREAM.size, index).int(2, Math.min(12, Math.max(2, Math.round(this.block * 0.6))));
  }

  incident(index: number): IncidentLink {
    const start = index * this.block;
    const alerts = Array.from({ length: this.incidentSize(index) }, (_, j) => start + j).filter((i) => this.alertId(i) !== undefined);
    return {
      id: this.incidentId(index),
      companyIndex: this.keyed(STREAM.company, index).int(0, this.companyCount - 1),
      signatureIndex: this.keyed(STREAM.signature, index).int(0, this.signatureCount - 1),
      created: this.created(index),
      alerts,
    };
  }

  /**
   * Spread evenly over the last 30 days (incident k in the k-th slice, at a random point of it),
   * so that with 30 or more incidents some are in the last 24 hours, as support staff expect.
   * At least an hour old, so its alerts (at most 55 minutes later) are all in the past.
   */
  private created(index: number): Date {
    const slice = (30 * DAY - HOUR) / this.incidentCount;
    return new Date(this.now - HOUR - Math.floor((index + this.keyed(STREAM.created, index).next()) * slice));
  }

  /** The incident an alert belongs to, and its position among the incident's alerts. */
  incidentOf(alertIndex: number): { incident: IncidentLink; position: number } | undefined {
    if (this.block === 0) return undefined;
    const k = Math.floor(alertIndex / this.block);
    if (k >= this.incidentCount) return undefined;
    const incident = this.incident(k);
    const position = incident.alerts.indexOf(alertIndex);
    return position < 0 ? undefined : { incident, position };
  }
}
