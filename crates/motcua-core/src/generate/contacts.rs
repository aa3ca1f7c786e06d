//! A person's contacts as forms show them: a mobile number, a personal e-mail address.

use super::names::PersonName;
use super::rng::SimRng;
use super::text::{Text, TextBuf, push_digits};

pub(crate) fn phone(rng: &mut SimRng, prefixes: &[String]) -> Text {
    let prefix = rng.pick(prefixes).map_or("091", |p| p.as_str());
    let mut out = TextBuf::default();
    out.push_str(prefix);
    push_digits(&mut out, rng.below(10_000_000), 7);
    out.finish()
}

/// A personal address in the styles people actually use (lannguyen88@…, nguyentlan@…).
/// Built in place (no `format!`): two adults a dossier need one each.
pub(crate) fn email(rng: &mut SimRng, name: &PersonName, birth_year: i32, domain: &str) -> Text {
    let given = name.given.folded;
    let surname = name.surname.folded;
    // The folded name's first letter: no name part starts with a space (`names::check_table`).
    let initial = name.middle.folded.chars().next();
    let mut out = TextBuf::default();
    // The parts' e-mail forms have their words run together already.
    let joined = |out: &mut TextBuf, s: &str| out.push_str(s);
    match rng.below(3) {
        0 => {
            joined(&mut out, given);
            joined(&mut out, surname);
            push_digits(&mut out, birth_year.rem_euclid(100).unsigned_abs(), 2);
        }
        1 => {
            joined(&mut out, surname);
            if let Some(c) = initial {
                out.push(c);
            }
            joined(&mut out, given);
            push_digits(&mut out, rng.range(1, 99), 1);
        }
        _ => {
            joined(&mut out, given);
            out.push('.');
            joined(&mut out, surname);
            push_digits(&mut out, rng.range(100, 999), 1);
        }
    }
    out.push('@');
    out.push_str(domain);
    out.finish()
}
