//! Dossier codes to plan indexes. Every action names its dossier by code, so the
//! look-up runs at each step. A code `unit-YYMMDD-NNNN` says which day it was
//! received and its number that day, and the plan is sorted by moment and numbered
//! per day: so the index is where that day starts plus the number less one. One entry
//! per day is kept instead of a map holding a copy of every code of the period.

use chrono::{Datelike, NaiveDate};

use crate::generate::{Planned, ids};

/// Where each day's dossiers start in the plan, by the day's `YYMMDD` as a number.
#[derive(Debug, Clone, Default)]
pub(super) struct ByCode {
    /// (`YYMMDD`, first index of that day), sorted by `YYMMDD`.
    days: Vec<(u32, usize)>,
}

impl ByCode {
    pub fn new(plan: &[Planned]) -> ByCode {
        let mut days = Vec::new();
        let mut last = None;
        for (i, d) in plan.iter().enumerate() {
            let date = d.submitted_at.date();
            if last != Some(date) {
                last = Some(date);
                days.push((day_key(date), i));
            }
        }
        days.sort_unstable();
        ByCode { days }
    }

    /// The index of the dossier whose code is `code`, in `plan` (the one `new` was
    /// given), numbered with `unit`.
    pub fn index(&self, plan: &[Planned], unit: &str, code: &str) -> Option<usize> {
        let (key, seq) = parse(code.strip_prefix(unit)?)?;
        let first = self.days.partition_point(|&(k, _)| k < key);
        // Two days a century apart share their digits, and a day may have fewer
        // dossiers than the number: the dossier found must be of that day and number.
        self.days[first..]
            .iter()
            .take_while(|&&(k, _)| k == key)
            .map(|&(_, start)| start + seq - 1)
            .find(|&i| {
                plan.get(i)
                    .is_some_and(|d| day_key(d.submitted_at.date()) == key && d.seq as usize == seq)
            })
    }
}

/// `YYMMDD` of `date` as a number.
fn day_key(date: NaiveDate) -> u32 {
    date.year().rem_euclid(100).unsigned_abs() * 10_000 + date.month() * 100 + date.day()
}

/// `-YYMMDD-NNNN` (after the unit) as (`YYMMDD`, number of the day, from 1).
fn parse(rest: &str) -> Option<(u32, usize)> {
    let rest = rest.strip_prefix('-')?.as_bytes();
    let (day, seq) = (rest.get(..6)?, rest.get(7..)?);
    if rest[6] != b'-' || seq.is_empty() || seq.len() > 9 {
        return None;
    }
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let n = number(seq)?;
    // Written as `dossier_code` writes it, with no other padding.
    let canonical = seq.len() == ids::seq_width(n);
    let seq = usize::try_from(n).ok()?;
    (seq > 0 && canonical).then_some((number(day)?, seq))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Channel;

    fn planned(day: u32, hour: u32, seq: u32) -> Planned {
        let date = NaiveDate::from_ymd_opt(2026, 3, day).unwrap();
        Planned {
            k: 0,
            seq,
            procedure: 0,
            channel: Channel::Online,
            submitted_at: date.and_hms_opt(hour, 0, 0).unwrap(),
            flaws: Vec::new(),
            transfer: false,
            scripted: None,
        }
    }

    #[test]
    fn codes_find_their_index_and_others_find_nothing() {
        let plan = [planned(2, 8, 1), planned(2, 9, 2), planned(3, 8, 1)];
        let by = ByCode::new(&plan);
        let find = |code| by.index(&plan, "X", code);
        assert_eq!(find("X-260302-0001"), Some(0));
        assert_eq!(find("X-260302-0002"), Some(1));
        assert_eq!(find("X-260303-0001"), Some(2));
        // The third of 2 March would be index 2, which is 3 March's first.
        assert_eq!(find("X-260302-0003"), None);
        assert_eq!(find("X-260303-0000"), None);
        assert_eq!(find("X-260302-000"), None);
        // Only the code as written finds it: no short or extra-padded numbers.
        assert_eq!(find("X-260302-001"), None);
        assert_eq!(find("X-260302-00001"), None);
        assert_eq!(find("X-260302-+001"), None);
        assert_eq!(find("Y-260302-0001"), None);
        assert_eq!(find("X-260304-0001"), None);
        assert_eq!(find(""), None);
    }
}
