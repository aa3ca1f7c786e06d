//! The planned dossiers in submission order, ties in drawing order.

use chrono::{Datelike, NaiveDateTime, Timelike};

use super::plan::Planned;

/// The dossiers sorted by submission time; those submitted at the same minute keep
/// their drawing order (a stable sort, done on small keys rather than moving whole
/// dossiers about, then the dossiers put in place by swaps: no second list of them).
pub(super) fn by_moment(mut dossiers: Vec<Planned>) -> Vec<Planned> {
    let mut order = sorted_order(&dossiers);
    // Slot `to` takes the dossier that was at `order[to]`. Follow each cycle of the
    // permutation, swapping along it; `order[to] = to` marks a slot as done.
    for start in 0..order.len() {
        let mut to = start;
        loop {
            let from = std::mem::replace(&mut order[to], to);
            if from == start {
                break;
            }
            dossiers.swap(to, from);
            to = from;
        }
    }
    dossiers
}

/// Bits of a packed key that hold the dossier's position (`limits::DOSSIERS` fits).
const POSITION_BITS: u32 = 20;
/// Bits that hold the second of the day (86,400 fits in 17).
const SECOND_BITS: u32 = 17;

/// The positions of `dossiers` in submission order, ties in position order.
fn sorted_order(dossiers: &[Planned]) -> Vec<usize> {
    if let Some(mut keys) = packed_keys(dossiers) {
        // One u64 a dossier sorts about four times faster than (u128, usize) pairs.
        keys.sort_unstable();
        let mask = (1u64 << POSITION_BITS) - 1;
        return keys.iter().map(|&k| (k & mask) as usize).collect();
    }
    let mut pairs: Vec<(u128, usize)> = dossiers
        .iter()
        .enumerate()
        .map(|(n, d)| (moment_key(d.submitted_at), n))
        .collect();
    pairs.sort_unstable();
    pairs.into_iter().map(|(_, n)| n).collect()
}

/// (day from the first, second of the day, position) packed in one u64 that orders
/// as the (moment, position) pairs do; `None` when a moment has a fraction of a
/// second or the period or the count is too long for the bits (then the wide keys).
fn packed_keys(dossiers: &[Planned]) -> Option<Vec<u64>> {
    if dossiers.len() >= 1 << POSITION_BITS {
        return None;
    }
    let days = dossiers
        .iter()
        .map(|d| d.submitted_at.date().num_days_from_ce());
    let first = days.min()?;
    let day_bits = 64 - POSITION_BITS - SECOND_BITS;
    dossiers
        .iter()
        .enumerate()
        .map(|(n, d)| {
            let time = d.submitted_at.time();
            let day = u64::try_from(d.submitted_at.date().num_days_from_ce() - first).ok()?;
            let fits = time.nanosecond() == 0 && day < 1 << day_bits;
            fits.then(|| {
                let second = u64::from(time.num_seconds_from_midnight());
                (day << SECOND_BITS | second) << POSITION_BITS | n as u64
            })
        })
        .collect()
}

/// `at` as one number that orders as `at` does (day, second, fraction): cheaper to
/// compare while sorting than the date and time apart.
fn moment_key(at: NaiveDateTime) -> u128 {
    // The day count flips its sign bit so that earlier days stay smaller as unsigned.
    let day = u128::from(at.date().num_days_from_ce().cast_unsigned() ^ (1 << 31));
    let time = at.time();
    day << 64 | u128::from(time.num_seconds_from_midnight()) << 32 | u128::from(time.nanosecond())
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::scenario::Channel;

    /// A planned dossier submitted at `at`, nothing else set.
    fn planned_at(at: NaiveDateTime) -> Planned {
        Planned {
            k: 0,
            seq: 0,
            procedure: 0,
            channel: Channel::Online,
            submitted_at: at,
            flaws: Vec::new(),
            transfer: false,
            scripted: None,
        }
    }

    #[test]
    fn dossiers_sort_by_moment_and_keep_drawing_order_at_the_same_minute() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        let at = |d, s, ns| {
            NaiveDateTime::new(
                day(d),
                chrono::NaiveTime::from_num_seconds_from_midnight_opt(s, ns).unwrap(),
            )
        };
        // Worked by hand: (moment, drawing position) pairs in order.
        let moments = [
            at(3, 600, 0),
            at(2, 900, 0),
            at(3, 600, 0),
            at(2, 60, 0),
            at(9, 0, 0),
        ];
        let whole: Vec<Planned> = moments.iter().map(|&m| planned_at(m)).collect();
        assert!(
            packed_keys(&whole).is_some(),
            "whole minutes take the packed keys"
        );
        assert_eq!(sorted_order(&whole), [3, 1, 0, 2, 4]);
        // A fraction of a second sends every dossier through the wide keys: same rule.
        let mut fractional = whole.clone();
        fractional.push(planned_at(at(2, 60, 5)));
        assert!(packed_keys(&fractional).is_none());
        assert_eq!(sorted_order(&fractional), [3, 5, 1, 0, 2, 4]);
        let sorted = by_moment(whole);
        assert!(
            sorted
                .windows(2)
                .all(|w| w[0].submitted_at <= w[1].submitted_at)
        );
    }

    #[test]
    fn moment_keys_order_as_the_moments_do() {
        let at = |y, m, d, s, ns| {
            let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            NaiveDateTime::new(
                day,
                chrono::NaiveTime::from_num_seconds_from_midnight_opt(s, ns).unwrap(),
            )
        };
        let moments = [
            at(-5, 1, 1, 0, 0),
            at(1, 1, 1, 0, 0),
            at(2026, 3, 2, 3600, 0),
            at(2026, 3, 2, 3600, 1),
            at(2026, 3, 2, 3601, 0),
            at(2026, 3, 2, 86_399, 1_999_999_999),
            at(2026, 3, 3, 0, 0),
        ];
        for a in moments {
            for b in moments {
                assert_eq!(moment_key(a).cmp(&moment_key(b)), a.cmp(&b), "{a} {b}");
            }
        }
    }
}
