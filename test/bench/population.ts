import { addMonths } from '../../shared/dates.js';
import type { CustomerFacts, Person } from '../../shared/model/facts.js';
import type { PartnerFacts } from '../../shared/model/partner.js';
import { ASSOCIATION_TYPES, SOLUTION_AREAS } from '../../shared/model/primitives.js';
import { rules } from '../../rules/index.js';

/** A small deterministic PRNG (mulberry32), so every run scores the same population. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AZURE_AREAS = SOLUTION_AREAS.filter((a) => a !== 'modernWork' && a !== 'businessApplications');
const SERVICE_NAMES = [
  'Virtual Machines',
  'Azure Firewall',
  'Azure Backup',
  'Azure SQL Database',
  'Azure Synapse Analytics',
  'Azure App Service',
  'Azure Functions',
  'Microsoft Sentinel',
  'Azure Key Vault',
  'Azure Monitor',
];
const CERTIFICATIONS = rules.certifications.map((c) => c.id);
const WORKLOADS = [
  'Sales',
  'Customer Service',
  'Business Central',
  'Power Apps',
  'Power BI',
  'Customer Insights',
  'Finance',
  'Contact Center',
  'Portals',
];

export interface PopulationShape {
  customers: number;
  months: number;
  people: number;
  /** The last month with data: the evaluation month of asOf. */
  lastMonth: string;
}

export function syntheticPartner(index: number, shape: PopulationShape): PartnerFacts {
  const rnd = random(index + 1);
  const int = (max: number) => Math.floor(rnd() * (max + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const firstMonth = addMonths(shape.lastMonth, -(shape.months - 1));
  const customers: CustomerFacts[] = [];
  // Some partners sell mostly to SMB customers, so both Azure tracks and both paths get scored.
  const smbShare = rnd();
  for (let c = 0; c < shape.customers; c++) {
    const months: CustomerFacts['months'] = {};
    let month = firstMonth;
    const seats = int(400);
    for (let m = 0; m < shape.months; m++, month = addMonths(month, 1)) {
      const azureServices = Array.from({ length: int(3) }, () => ({
        name: pick(SERVICE_NAMES),
        area: pick(AZURE_AREAS),
        acrUsd: int(2500),
      }));
      months[month] = {
        paidSeats: seats + int(50),
        activeUsers: int(seats),
        protectedUsers: int(seats),
        azureServices,
        bizApps:
          rnd() < 0.5
            ? { revenueUsd: int(3000), mcv: int(20000) }
            : {
                workloads: Array.from({ length: 1 + int(2) }, () => ({
                  workload: pick(WORKLOADS),
                  revenueUsd: int(3000),
                  units: int(100),
                })),
              },
      };
    }
    customers.push({
      customerId: `c${c}`,
      idType: rnd() < 0.7 ? 'tenant' : 'tpid',
      country: rnd() < 0.05 ? 'CN' : 'JP',
      production: rnd() < 0.9,
      segment: rnd() < smbShare ? 'smb' : 'enterprise',
      associations: Array.from({ length: 1 + int(1) }, () => ({
        type: pick(ASSOCIATION_TYPES),
        from: `${2021 + int(3)}-0${1 + int(8)}-1${int(9)}`,
      })),
      months,
    });
  }
  const people: Person[] = Array.from({ length: shape.people }, (_, p) => ({
    personId: `u${p}`,
    linkedOn: `20${20 + int(4)}-0${1 + int(8)}-01`,
    certifications: Array.from({ length: 1 + int(2) }, () => ({
      id: pick(CERTIFICATIONS),
      earnedOn: `20${19 + int(5)}-0${1 + int(8)}-15`,
    })),
  }));
  return { partner: { partnerId: `partner-${index}`, name: `Partner ${index}`, country: 'JP', locations: [] }, customers, people };
}

/** The baseline: read every number (and date) of the input once, and nothing else. */
export function readEveryInputOnce(facts: PartnerFacts): number {
  let sum = 0;
  for (const c of facts.customers) {
    for (const a of c.associations) sum += a.from.length + (a.to?.length ?? 0);
    for (const key in c.months) {
      const m = c.months[key]!;
      sum += m.paidSeats + m.activeUsers + m.protectedUsers + (m.bizApps.revenueUsd ?? 0) + (m.bizApps.mcv ?? 0);
      for (const w of m.bizApps.workloads ?? []) sum += (w.revenueUsd ?? 0) + (w.units ?? 0) + w.workload.length;
      for (const s of m.azureServices) sum += s.acrUsd;
    }
  }
  for (const p of facts.people) {
    sum += p.linkedOn.length;
    for (const cert of p.certifications) sum += cert.earnedOn.length;
  }
  return sum;
}
