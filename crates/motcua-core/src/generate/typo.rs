//! Plausible slips for `mismatch` flaws: a changed tone mark, a different middle name,
//! two digits swapped in a date or a number. A slip never changes what other checks
//! see: an expiry date stays on the same side of the submission day, a birth date stays
//! in the past, an address stays in its province.

use chrono::{Datelike, Days, NaiveDate};
use unicode_normalization::UnicodeNormalization;

use crate::scenario::{Attr, FieldRef};

use super::dossier::{Address, Gender, Value};
use super::names;
use super::rng::SimRng;

const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// A copy of `value` (the field `field`) with one plausible slip; always different from `value`.
pub(crate) fn slip(rng: &mut SimRng, value: &Value, field: FieldRef, today: NaiveDate) -> Value {
    let attr = field.attr;
    let person = !field.party.is_organisation();
    match value {
        Value::Text(s) => Value::text(text_slip(rng, s, attr, person)),
        Value::Date(d) => Value::Date(date_slip(rng, *d, attr, today)),
        Value::Money(m) => Value::Money(match (*m, rng.chance(0.5)) {
            (0, _) => 1_000_000,
            (m, true) if m >= 10 => m / 10,
            (m, _) => m.saturating_mul(10),
        }),
        Value::Gender(Gender::Male) => Value::Gender(Gender::Female),
        Value::Gender(Gender::Female) => Value::Gender(Gender::Male),
        Value::Address(a) => Value::Address(std::sync::Arc::new(address_slip(rng, a))),
    }
}

fn text_slip(rng: &mut SimRng, s: &str, attr: Attr, person: bool) -> String {
    let changed = match attr {
        Attr::IdNumber | Attr::Phone | Attr::TaxCode => swap_digits(rng, s),
        Attr::Email => swap_letters(rng, s),
        Attr::Name if person && rng.chance(0.5) => {
            other_middle_name(rng, s).unwrap_or_else(|| tone_slip(rng, s))
        }
        Attr::Name
        | Attr::Gender
        | Attr::BirthDate
        | Attr::BirthPlace
        | Attr::Nationality
        | Attr::Ethnicity
        | Attr::IdIssueDate
        | Attr::IdExpiry
        | Attr::Address
        | Attr::BusinessLine
        | Attr::Capital
        | Attr::Relation => tone_slip(rng, s),
    };
    if changed != s {
        return changed;
    }
    let fallback = swap_letters(rng, s);
    if fallback != s {
        fallback
    } else {
        format!("{s}0")
    }
}

/// Swap two neighbouring different digits; if there are none, change the last digit.
fn swap_digits(rng: &mut SimRng, s: &str) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    let pairs: Vec<usize> = (0..chars.len().saturating_sub(1))
        .filter(|&i| {
            chars[i].is_ascii_digit() && chars[i + 1].is_ascii_digit() && chars[i] != chars[i + 1]
        })
        .collect();
    if let Some(&i) = rng.pick(&pairs) {
        chars.swap(i, i + 1);
    } else if let Some(last) = chars.iter_mut().rev().find(|c| c.is_ascii_digit()) {
        let d = last.to_digit(10).unwrap_or(0);
        *last = char::from_digit((d + 1) % 10, 10).unwrap_or('0');
    }
    chars.into_iter().collect()
}

fn swap_letters(rng: &mut SimRng, s: &str) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    let pairs: Vec<usize> = (0..chars.len().saturating_sub(1))
        .filter(|&i| {
            chars[i].is_alphabetic() && chars[i + 1].is_alphabetic() && chars[i] != chars[i + 1]
        })
        .collect();
    if let Some(&i) = rng.pick(&pairs) {
        chars.swap(i, i + 1);
    }
    chars.into_iter().collect()
}

/// "Nguyễn Thị Lan" → "Nguyễn Thu Lan".
fn other_middle_name(rng: &mut SimRng, s: &str) -> Option<String> {
    let mut words: Vec<&str> = s.split(' ').collect();
    if words.len() < 3 {
        return None;
    }
    let middle = names::other_middle(rng, words[1])?;
    words[1] = &middle;
    Some(words.join(" "))
}

/// Change the tone of one toned vowel ("Nguyễn" → "Nguyến"), or give a toneless word one.
fn tone_slip(rng: &mut SimRng, s: &str) -> String {
    // Table strings and what the generator writes are NFC already, and `nfc` gives
    // such a string back unchanged: the quick check spares the recomposition (it cost
    // more than the rest of a dossier's slips). Each char is decomposed on its own
    // iterator, not through a `String`. `typo/reference_tests.rs` checks all of this
    // against the plain path.
    let mut chars: Vec<char> = if nfc_already(s.chars()) {
        s.chars().collect()
    } else {
        s.nfc().collect()
    };
    let toned: Vec<usize> = (0..chars.len())
        .filter(|&i| tone_of(chars[i]).is_some())
        .collect();
    let candidates = if toned.is_empty() {
        (0..chars.len()).filter(|&i| is_vowel(chars[i])).collect()
    } else {
        toned
    };
    let Some(&i) = rng.pick(&candidates) else {
        return s.to_string();
    };
    let current = tone_of(chars[i]);
    let mut options = [None; TONES.len() + 1];
    let mut count = 0;
    for t in std::iter::once(None).chain(TONES.iter().copied().map(Some)) {
        if t != current {
            options[count] = t;
            count += 1;
        }
    }
    let tone = rng.pick(&options[..count]).copied().flatten();
    let base = std::iter::once(chars[i])
        .nfd()
        .filter(|c| !TONES.contains(c));
    chars[i] = base.chain(tone).nfc().next().unwrap_or(chars[i]);
    let out: String = chars.into_iter().collect();
    if nfc_already(out.chars()) {
        out
    } else {
        out.nfc().collect()
    }
}

/// Whether `chars` are NFC for sure (`nfc` would give them back unchanged).
fn nfc_already(chars: impl Iterator<Item = char>) -> bool {
    unicode_normalization::is_nfc_quick(chars) == unicode_normalization::IsNormalized::Yes
}

fn tone_of(c: char) -> Option<char> {
    // An ASCII letter decomposes to itself: no tone (the marks are not ASCII).
    if c.is_ascii() {
        return None;
    }
    std::iter::once(c).nfd().find(|m| TONES.contains(m))
}

fn is_vowel(c: char) -> bool {
    if c.is_ascii() {
        return "aeiouyAEIOUY".contains(c);
    }
    std::iter::once(c)
        .nfd()
        .next()
        .is_some_and(|b| "aeiouyAEIOUY".contains(b))
}

/// Swap the digits of the day, the month or the year's last two; failing that, shift a day.
fn date_slip(rng: &mut SimRng, d: NaiveDate, attr: Attr, today: NaiveDate) -> NaiveDate {
    let swap = |n: u32| (n % 10) * 10 + n / 10;
    let year = d.year();
    let candidates = [
        d.with_day(swap(d.day())),
        d.with_month(swap(d.month())),
        d.with_year(year - year.rem_euclid(100) + swap(year.rem_euclid(100) as u32) as i32),
        d.checked_add_days(Days::new(u64::from(rng.range(1, 3)))),
        d.checked_sub_days(Days::new(u64::from(rng.range(1, 3)))),
    ];
    let keeps_meaning = |c: NaiveDate| match attr {
        Attr::IdExpiry => (c < today) == (d < today),
        Attr::Name
        | Attr::Gender
        | Attr::BirthDate
        | Attr::BirthPlace
        | Attr::Nationality
        | Attr::Ethnicity
        | Attr::IdNumber
        | Attr::IdIssueDate
        | Attr::Address
        | Attr::Phone
        | Attr::Email
        | Attr::TaxCode
        | Attr::BusinessLine
        | Attr::Capital
        | Attr::Relation => c <= today,
    };
    let good: Vec<NaiveDate> = candidates
        .into_iter()
        .flatten()
        .filter(|&c| c != d && keeps_meaning(c))
        .collect();
    match rng.pick(&good) {
        Some(&c) => c,
        None if attr == Attr::IdExpiry && d >= today => d.succ_opt().unwrap_or(d),
        None => d.pred_opt().unwrap_or(d),
    }
}

/// Another house number, same street and commune.
fn address_slip(rng: &mut SimRng, a: &Address) -> Address {
    let mut out = a.clone();
    let digits: String = a.house.chars().filter(char::is_ascii_digit).collect();
    out.house = match digits.parse::<u32>() {
        Ok(n) => {
            let swapped = swap_digits(rng, &digits);
            if swapped != digits {
                a.house.replacen(&digits, &swapped, 1).into()
            } else {
                a.house.replacen(&digits, &(n + 2).to_string(), 1).into()
            }
        }
        Err(_) => format!("Số {}", rng.range(1, 99)).into(),
    };
    out
}

#[cfg(test)]
mod reference_tests;

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn slips_always_change_the_value_and_stay_nfc() {
        let mut rng = SimRng::plan(2);
        let today = day(2026, 3, 2);
        use crate::scenario::Party;
        let person = |attr| FieldRef {
            party: Party::Applicant,
            attr,
        };
        let cases = [
            (Value::Text("Nguyễn Thị Lan".into()), person(Attr::Name)),
            (Value::Text("An".into()), person(Attr::Name)),
            (Value::Text("001085012345".into()), person(Attr::IdNumber)),
            (Value::Text("111111111111".into()), person(Attr::IdNumber)),
            (Value::Text("Kinh".into()), person(Attr::Ethnicity)),
            (Value::blank(), person(Attr::Ethnicity)),
            (Value::Date(day(1990, 11, 11)), person(Attr::BirthDate)),
            (Value::Date(day(2030, 5, 10)), person(Attr::IdExpiry)),
            (Value::Money(500_000_000), person(Attr::Capital)),
        ];
        for _ in 0..200 {
            for (value, field) in &cases {
                let out = slip(&mut rng, value, *field, today);
                assert_ne!(&out, value);
                if let Value::Text(s) = &out {
                    assert_eq!(s.nfc().collect::<String>(), s.as_str());
                }
                if let (Attr::IdExpiry, Value::Date(d)) = (field.attr, &out) {
                    assert!(*d >= today, "a valid card must not look expired: {d}");
                }
            }
        }
    }

    #[test]
    fn a_company_name_keeps_its_words() {
        use crate::scenario::Party;
        let mut rng = SimRng::plan(6);
        let name = Value::Text("Công ty TNHH Thương mại Minh Phát".into());
        let field = FieldRef {
            party: Party::Business,
            attr: Attr::Name,
        };
        for _ in 0..100 {
            let Value::Text(out) = slip(&mut rng, &name, field, day(2026, 3, 2)) else {
                panic!("text stays text");
            };
            let words = |s: &str| s.nfd().filter(|c| !TONES.contains(c)).collect::<String>();
            assert_eq!(
                words(&out),
                words("Công ty TNHH Thương mại Minh Phát"),
                "{out}"
            );
        }
    }

    #[test]
    fn tone_slips_keep_the_letters() {
        let mut rng = SimRng::plan(4);
        for _ in 0..100 {
            let out = tone_slip(&mut rng, "Nguyễn");
            let base: String = out.nfd().filter(|c| !TONES.contains(c)).collect();
            assert_eq!(base, "Nguyên".nfd().collect::<String>());
        }
    }
}
