//! Each unit's records and the cohort the app's domain builds from them, held between desk pages
//! and moved on in place when records change.
//!
//! Reading a unit of 20,000 records and building its cohort takes hundreds of milliseconds, so a
//! unit is read once ([`HeldUnit::read`]) with the newest change-log position among its records,
//! and each page then reads from the database only the records written after that position
//! ([`UnitChanges`](crate::storage::UnitChanges): none, when nothing changed), by this server or
//! any other on the same database. Those few are put in place ([`HeldUnit::moved_on`]): each
//! changed record's body is parsed alone and replaces its old self in the records and in the
//! cohort, at the place a reading from scratch would give it; what did not change is neither
//! parsed nor copied again (the records and cohort are changed where they lie, unless a page
//! still reads the old ones). The result is the unit as [`cohort_of`] would build it from a
//! fresh read (`server/tests/held_unit.rs` checks that on both backends).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use scpo_field::domain::oversight::figures::Dashboard;
use scpo_field::domain::oversight::unit::{dashboard, Unit};
use scpo_field::domain::Cohort;

use crate::records::{cohort_of, copy_part, read_into, take_out};
use crate::storage::{Storage, StorageResult, StoredRecord};

/// The kind of a server-authored transfer out (supervise's transfer page writes it).
pub const TRANSFER_KIND: &str = "transfer";

/// More records than this changed at once (an import) and the unit is built again from its
/// records instead of putting each in place: placing one is a walk of the unit's records.
pub const MOST_PUT_IN_PLACE: usize = 500;

/// A unit's records and the cohort the domain builds from them, as they stood at change-log
/// position `at`: what every desk page of the unit starts from.
pub struct HeldUnit {
    /// The newest change-log position among the unit's records when read.
    pub at: i64,
    /// The unit's records, by nominal, kind and id.
    pub records: Arc<Vec<StoredRecord>>,
    /// The domain's cohort of `records` (each list in the records' order).
    pub cohort: Arc<Cohort>,
    /// The nominals transferred out, by id.
    pub transferred: Arc<Vec<String>>,
    /// The team's figures (the domain's dashboard) worked out from this, with the day and who
    /// held whom then: the same again while those are the same.
    pub figures: Mutex<Option<HeldFigures>>,
    /// Whether each of `records` (in the same order) is in `cohort` (it read as its kind).
    in_cohort: Vec<bool>,
    /// Each nominal's part of the team's figures, by nominal id: kept while the nominal's
    /// records are, so a change works out again only the parts of the nominals it changed.
    parts: Mutex<HashMap<String, NominalFigures>>,
}

/// One nominal's part of the team's figures, with the day, holder and whether the unit still
/// held them when it was worked out.
#[derive(Clone)]
struct NominalFigures {
    today: NaiveDate,
    officer: Option<String>,
    held: bool,
    board: Arc<Dashboard>,
}

/// The team's figures on `today` with the unit's assignments they were worked out with.
pub struct HeldFigures {
    pub today: NaiveDate,
    pub assignments: Vec<(String, String)>,
    pub board: Arc<Dashboard>,
}

/// The order the unit's records are held (and were always given to the pages) in.
fn order(r: &StoredRecord) -> (&str, &str, &str) {
    (&r.nominal_id, &r.kind, &r.id)
}

/// A nominal transferred out, as its `transfer` record says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transferred {
    pub on: NaiveDate,
    pub force: String,
}

/// The nominals transferred out among `records`, by nominal id.
pub fn transfers(records: &[StoredRecord]) -> HashMap<String, Transferred> {
    records
        .iter()
        .filter(|r| r.kind == TRANSFER_KIND)
        .filter_map(|r| {
            let on = r.record.get("transferred_on")?.as_str()?.parse().ok()?;
            let force = r.record.get("receiving_force")?.as_str()?.to_string();
            Some((r.nominal_id.clone(), Transferred { on, force }))
        })
        .collect()
}

/// The ids of the nominals transferred out among `records`, in order.
fn transferred_of(records: &[StoredRecord]) -> Vec<String> {
    let mut ids: Vec<String> = transfers(records).into_keys().collect();
    ids.sort();
    ids
}

impl HeldUnit {
    /// The unit read from scratch: `records` (any order) as they stood at position `at`.
    pub fn read(at: i64, mut records: Vec<StoredRecord>) -> Self {
        records.sort_by(|a, b| order(a).cmp(&order(b)));
        let mut cohort = cohort_of(&[]);
        let in_cohort = records
            .iter()
            .map(|r| read_into(&mut cohort, &r.kind, &r.record, None))
            .collect();
        Self {
            at,
            transferred: Arc::new(transferred_of(&records)),
            records: Arc::new(records),
            cohort: Arc::new(cohort),
            figures: Mutex::default(),
            in_cohort,
            parts: Mutex::default(),
        }
    }

    /// The unit with `changed` (records written after `held.at`, each with its position) put
    /// in place. The records and cohort are changed where they lie when nothing else holds them
    /// (a page still reading the old ones keeps them, and these are copied first); the
    /// transferred list is worked out again only if a transfer changed, and the team's figures
    /// when a page next asks for them.
    pub fn moved_on(held: Arc<HeldUnit>, mut changed: Vec<(i64, StoredRecord)>) -> Self {
        let at = changed.iter().map(|(seq, _)| *seq).fold(held.at, i64::max);
        if changed.len() > MOST_PUT_IN_PLACE {
            let written: std::collections::HashSet<(&str, &str)> = changed
                .iter()
                .map(|(_, r)| (r.kind.as_str(), r.id.as_str()))
                .collect();
            let kept: Vec<StoredRecord> = held
                .records
                .iter()
                .filter(|r| !written.contains(&(r.kind.as_str(), r.id.as_str())))
                .cloned()
                .collect();
            let mut records: Vec<StoredRecord> = changed.into_iter().map(|(_, r)| r).collect();
            records.extend(kept);
            return Self::read(at, records);
        }
        let (mut records, mut cohort, mut in_cohort, mut transferred, mut parts) =
            match Arc::try_unwrap(held) {
                Ok(h) => (
                    h.records,
                    h.cohort,
                    h.in_cohort,
                    h.transferred,
                    h.parts.into_inner().unwrap_or_else(|e| e.into_inner()),
                ),
                Err(h) => (
                    h.records.clone(),
                    h.cohort.clone(),
                    h.in_cohort.clone(),
                    h.transferred.clone(),
                    h.parts.lock().unwrap_or_else(|e| e.into_inner()).clone(),
                ),
            };
        // Oldest first, so a record written twice ends as last written.
        changed.sort_by_key(|(seq, _)| *seq);
        let transfer_changed = changed.iter().any(|(_, r)| r.kind == TRANSFER_KIND);
        {
            let records = Arc::make_mut(&mut records);
            let cohort = Arc::make_mut(&mut cohort);
            for (_, r) in changed {
                parts.remove(&r.nominal_id);
                if let Some(was) = put_in_place(records, cohort, &mut in_cohort, r) {
                    parts.remove(&was);
                }
            }
        }
        if transfer_changed {
            transferred = Arc::new(transferred_of(&records));
        }
        Self {
            at,
            records,
            cohort,
            transferred,
            figures: Mutex::default(),
            in_cohort,
            parts: Mutex::new(parts),
        }
    }

    /// The team's figures on `today` with `assignments` (who holds whom): the domain's
    /// [`dashboard`] of the unit, worked out a nominal at a time on that nominal's records and
    /// put together ([`Dashboard::merged`]); a nominal's part is worked out again only when their
    /// records, holder or the day changed, and the whole is the same again while nothing did.
    pub fn dashboard(&self, today: NaiveDate, assignments: &[(String, String)]) -> Arc<Dashboard> {
        let mut whole = self.figures.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(f) = whole
            .as_ref()
            .filter(|f| f.today == today && f.assignments == assignments)
        {
            return f.board.clone();
        }
        let mut parts = self.parts.lock().unwrap_or_else(|e| e.into_inner());
        let officers: HashMap<&str, &str> = assignments
            .iter()
            .map(|(n, o)| (n.as_str(), o.as_str()))
            .collect();
        // Where each kind's list of the cohort is up to: the records are held by nominal, so a
        // nominal's records of a kind are one run of that kind's list.
        let mut offsets: HashMap<&str, usize> = HashMap::new();
        let mut boards = Vec::new();
        let mut rest = self.records.iter().zip(&self.in_cohort).peekable();
        while let Some((first, _)) = rest.peek() {
            let nominal = first.nominal_id.as_str();
            // The nominal's records in the cohort, as runs of one kind: (kind, how many).
            let mut runs: Vec<(&str, usize)> = Vec::new();
            while let Some((r, read)) = rest.next_if(|(r, _)| r.nominal_id == nominal) {
                match runs.last_mut() {
                    _ if !*read => {}
                    Some((kind, n)) if *kind == r.kind => *n = n.saturating_add(1),
                    _ => runs.push((&r.kind, 1)),
                }
            }
            let officer = officers.get(nominal).map(|o| o.to_string());
            let held = !self.transferred.iter().any(|t| t == nominal);
            let kept = parts
                .get(nominal)
                .filter(|p| p.today == today && p.officer == officer && p.held == held);
            let board = match kept {
                Some(p) => p.board.clone(),
                None => {
                    let mut own = cohort_of(&[]);
                    for (kind, n) in &runs {
                        let from = offsets.get(kind).copied().unwrap_or(0);
                        copy_part(&self.cohort, &mut own, kind, from..from.saturating_add(*n));
                    }
                    let unit = Unit {
                        cohort: &own,
                        assignments,
                        decisions: &own.breach_decisions,
                        transferred: &self.transferred,
                    };
                    let board = Arc::new(dashboard(&unit, today));
                    let part = NominalFigures {
                        today,
                        officer,
                        held,
                        board: board.clone(),
                    };
                    parts.insert(nominal.to_string(), part);
                    board
                }
            };
            for (kind, n) in runs {
                let at = offsets.entry(kind).or_default();
                *at = at.saturating_add(n);
            }
            boards.push(board);
        }
        let board = Arc::new(Dashboard::merged(boards.iter().map(|b| b.as_ref())));
        *whole = Some(HeldFigures {
            today,
            assignments: assignments.to_vec(),
            board: board.clone(),
        });
        board
    }
}

/// How many records of `kind` before `at` are in the cohort: where the record at `at` is (or
/// goes) in the cohort's list of its kind.
fn place_in_list(records: &[StoredRecord], read: &[bool], kind: &str, at: usize) -> usize {
    records
        .iter()
        .zip(read)
        .take(at)
        .filter(|(r, read)| **read && r.kind == kind)
        .count()
}

/// `r` in place of the record of its kind and id (if held) in `records` and the cohort, at the
/// place its nominal, kind and id give it; the nominal the record it replaced was about.
fn put_in_place(
    records: &mut Vec<StoredRecord>,
    cohort: &mut Cohort,
    read: &mut Vec<bool>,
    r: StoredRecord,
) -> Option<String> {
    let mut was = None;
    if let Some(i) = records
        .iter()
        .position(|h| h.kind == r.kind && h.id == r.id)
    {
        if read.get(i).copied().unwrap_or(false) {
            take_out(cohort, &r.kind, place_in_list(records, read, &r.kind, i));
        }
        was = Some(records.remove(i).nominal_id);
        read.remove(i);
    }
    let i = records.partition_point(|h| order(h) < order(&r));
    let in_list = place_in_list(records, read, &r.kind, i);
    let is_read = read_into(cohort, &r.kind, &r.record, Some(in_list));
    records.insert(i, r);
    read.insert(i, is_read);
    was
}

/// The units held, by unit id (a few units a server: one entry each).
#[derive(Default)]
pub struct HeldUnits(Mutex<HashMap<String, Arc<HeldUnit>>>);

impl HeldUnits {
    /// The unit as last kept, if it was.
    pub fn get(&self, unit_id: &str) -> Option<Arc<HeldUnit>> {
        let map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        map.get(unit_id).cloned()
    }

    /// Keep the unit as read, unless what is held is newer (two pages reading at once).
    fn keep(&self, unit_id: &str, held: Arc<HeldUnit>) {
        let mut map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if map.get(unit_id).is_some_and(|h| h.at > held.at) {
            return;
        }
        map.insert(unit_id.to_string(), held);
    }

    /// The unit's records and cohort as they stand in the database now: as held, with the
    /// records written since (if any) put in place; read whole the first time.
    pub async fn current(
        &self,
        storage: &dyn Storage,
        unit_id: &str,
    ) -> StorageResult<Arc<HeldUnit>> {
        loop {
            let held = self.get(unit_id);
            let after = held.as_ref().map_or(0, |h| h.at);
            let changed = storage.unit_records_since(unit_id, after).await?;
            let held = match held {
                Some(h) if changed.is_empty() => return Ok(h),
                Some(h) => h,
                None => {
                    let at = changed.iter().map(|(seq, _)| *seq).fold(0, i64::max);
                    let records = changed.into_iter().map(|(_, r)| r).collect();
                    let held = Arc::new(HeldUnit::read(at, records));
                    self.keep(unit_id, held.clone());
                    return Ok(held);
                }
            };
            if changed.len() > MOST_PUT_IN_PLACE {
                // Built again from the records (a while): outside the lock.
                let held = Arc::new(HeldUnit::moved_on(held, changed));
                self.keep(unit_id, held.clone());
                return Ok(held);
            }
            drop(held);
            // Moved on under the lock (a few milliseconds), from the unit as held taken out of
            // the map, so that when no page still reads it nothing is copied.
            let mut map = self.0.lock().unwrap_or_else(|e| e.into_inner());
            match map.remove(unit_id) {
                Some(h) if h.at == after => {
                    let held = Arc::new(HeldUnit::moved_on(h, changed));
                    map.insert(unit_id.to_string(), held.clone());
                    return Ok(held);
                }
                // Another page moved it on meanwhile: read what changed since that.
                Some(h) => {
                    map.insert(unit_id.to_string(), h);
                }
                None => {}
            }
        }
    }
}

#[cfg(test)]
#[path = "held_unit_tests.rs"]
mod tests;
