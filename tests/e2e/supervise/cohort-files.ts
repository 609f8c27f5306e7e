// Cohort files for the desk's upkeep tests, built here from JSON (the app's cohort format,
// src/domain/cohort-format.md). Every person, court and reference is invented.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Person {
  id: string;
  given: string;
  family: string;
  /** The offender manager the file names (assigned to them on import when in the unit). */
  officer: { id: string; name: string };
}

/** A unique nominal id for this run: specs share one database. */
export function freshId(prefix: string): string {
  return `N-${prefix}-${Date.now().toString(36).toUpperCase()}`;
}

/** "FAMILY, Given": how the pages list a name. */
export function listed(p: Person): string {
  return `${p.family.toUpperCase()}, ${p.given}`;
}

/** One nominal off licence, with a granted order, one provision and a contact plan. */
export function cohortFile(p: Person): Record<string, unknown> {
  const order = `O-${p.id}`;
  return {
    format: 'scpo-field-cohort',
    version: 1,
    officer: p.officer,
    nominals: [
      {
        id: p.id,
        given_name: p.given,
        family_name: p.family,
        aliases: [],
        date_of_birth: '1981-05-17',
        risk: 'medium',
        risk_reviewed_on: '2026-10-01',
        offender_manager: p.officer,
        custody: { status: 'licence_ended', released_on: '2024-02-01', licence_ended: '2025-02-01' },
      },
    ],
    orders: [
      {
        id: order,
        nominal_id: p.id,
        court_reference: 'T20259999',
        court: 'Invented Crown Court',
        stage: { stage: 'granted', date_granted: '2025-01-10', comes_into_force: '2025-02-01', ends: '2030-01-31' },
        variations: [],
      },
    ],
    conditions: [
      {
        id: `C-${p.id}-1`,
        order_id: order,
        family: 'notification_requirements',
        verbatim: 'The subject must notify the police of any new mobile phone within 3 days.',
        summary: 'Tell the police about a new phone within 3 days',
        mirrored_in_licence: false,
        notification: { kind: 'new_phone', deadline: { rule: 'within_days_after', days: 3 } },
      },
    ],
    contact_plans: [{ nominal_id: p.id, every_days: 28, agreed_by: 'DS Demo Supervisor', agreed_on: '2025-02-01' }],
  };
}

/** The same file with three mistakes, each the domain reports at its own path. */
export function badCohortFile(p: Person): Record<string, unknown> {
  const file = cohortFile(p) as { nominals: any[]; contact_plans: any[]; conditions: any[] };
  file.nominals[0].risk = 'extreme';
  file.contact_plans[0].every_days = 0;
  file.conditions[0].order_id = 'O-NOWHERE';
  return file;
}

/** Write a file for `scpo-server import`. */
export function onDisk(file: Record<string, unknown>): string {
  const path = join(tmpdir(), `scpo-e2e-cohort-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(file));
  return path;
}
