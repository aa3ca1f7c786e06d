//! docs/generator.md step 7, the slips of a `mismatch` flaw (names and dates).

use chrono::{Datelike, Days, NaiveDate};
use unicode_normalization::UnicodeNormalization;

use super::stream::Draw;
use super::tables::tables;

const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// A person's name with a slip: another middle name (chance 0.5), else a tone slip.
pub fn name_slip(d: &mut Draw, name: &str) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    if d.chance(0.5) && words.len() >= 3 {
        let t = &tables().names;
        let others: Vec<&str> = t
            .male_middle
            .iter()
            .chain(&t.female_middle)
            .map(|w| w.name.as_str())
            .filter(|n| *n != words[1])
            .collect();
        let mut out = words.clone();
        out[1] = *d.pick(&others);
        return out.join(" ");
    }
    tone_slip(d, name)
}

fn tone_of(c: char) -> Option<char> {
    std::iter::once(c).nfd().find(|m| TONES.contains(m))
}

fn is_vowel(c: char) -> bool {
    let base = std::iter::once(c).nfd().next().unwrap_or(c);
    "aeiouyAEIOUY".contains(base)
}

/// One toned letter (else one vowel) gets another tone, or none: the choices are
/// none, grave, acute, tilde, hook, dot below, less the one it has.
pub fn tone_slip(d: &mut Draw, s: &str) -> String {
    let mut chars: Vec<char> = s.nfc().collect();
    let toned: Vec<usize> = (0..chars.len())
        .filter(|&i| tone_of(chars[i]).is_some())
        .collect();
    let candidates = if toned.is_empty() {
        (0..chars.len()).filter(|&i| is_vowel(chars[i])).collect()
    } else {
        toned
    };
    let i = *d.pick(&candidates);
    let current = tone_of(chars[i]);
    let options: Vec<Option<char>> = std::iter::once(None)
        .chain(TONES.into_iter().map(Some))
        .filter(|t| *t != current)
        .collect();
    let tone = *d.pick(&options);
    let base = std::iter::once(chars[i])
        .nfd()
        .filter(|c| !TONES.contains(c));
    chars[i] = base.chain(tone).nfc().next().expect("a letter");
    chars.into_iter().collect::<String>().nfc().collect()
}

/// A date (not an expiry) with a slip: swapped digits of the day, the month or the
/// year's last two, or a shift of 1–3 days either way (both drawn); never after `today`.
pub fn date_slip(d: &mut Draw, b: NaiveDate, today: NaiveDate) -> String {
    let swap = |n: u32| (n % 10) * 10 + n / 10;
    let year = b.year();
    let later = d.range(1, 3);
    let earlier = d.range(1, 3);
    let candidates = [
        b.with_day(swap(b.day())),
        b.with_month(swap(b.month())),
        b.with_year(year - year % 100 + swap((year % 100) as u32) as i32),
        b.checked_add_days(Days::new(u64::from(later))),
        b.checked_sub_days(Days::new(u64::from(earlier))),
    ];
    let good: Vec<NaiveDate> = candidates
        .into_iter()
        .flatten()
        .filter(|&c| c != b && c <= today)
        .collect();
    d.pick(&good).format("%d/%m/%Y").to_string()
}

/// Two neighbouring different digits swapped (`pick` of the first one's position).
pub fn swap_digits(d: &mut Draw, s: &str) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    let digit = |c: char| c.is_ascii_digit();
    let pairs: Vec<usize> = (0..chars.len().saturating_sub(1))
        .filter(|&i| digit(chars[i]) && digit(chars[i + 1]) && chars[i] != chars[i + 1])
        .collect();
    let i = *d.pick(&pairs);
    chars.swap(i, i + 1);
    chars.into_iter().collect()
}
