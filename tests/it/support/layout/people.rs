//! docs/generator.md step 7, people: dates, names, căn cước, contacts, homes.

use chrono::{Datelike, Days, NaiveDate};
use motcua_core::generate::Gender;
use unicode_normalization::UnicodeNormalization;

use super::stream::Draw;
use super::tables::{tables, weights};

const CARD_AGES: [u32; 4] = [14, 25, 40, 60];

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date")
}

/// `day` moved by whole years; 29 February becomes 28 February in a common year.
pub fn shift_years(day: NaiveDate, years: i32) -> NaiveDate {
    let y = day.year() + years;
    NaiveDate::from_ymd_opt(y, day.month(), day.day()).unwrap_or_else(|| date(y, 2, 28))
}

pub fn age_on(birth: NaiveDate, day: NaiveDate) -> u32 {
    if day <= birth {
        return 0;
    }
    let mut years = (day.year() - birth.year()) as u32;
    while years > 0 && shift_years(birth, years as i32) > day {
        years -= 1;
    }
    years
}

fn no_leap_day(d: NaiveDate) -> NaiveDate {
    if (d.month(), d.day()) == (2, 29) {
        d.pred_opt().expect("a day")
    } else {
        d
    }
}

/// Born so as to be `lo..=hi` years old on `today`, never on 29 February.
pub fn birth_for_age(d: &mut Draw, today: NaiveDate, lo: u32, hi: u32) -> NaiveDate {
    let hi = hi.max(lo);
    let latest = shift_years(today, -(lo as i32));
    let earliest = shift_years(today, -(hi as i32 + 1))
        .succ_opt()
        .expect("a day");
    let b = d.day_between(earliest, latest);
    match (b.month(), b.day()) {
        (2, 29) if b > earliest => b.pred_opt().expect("a day"),
        (2, 29) => b.succ_opt().expect("a day"),
        _ => b,
    }
}

/// Issue date of a card valid on `today`: in the current age bracket, from 2016.
pub fn issue_date(d: &mut Draw, birth: NaiveDate, today: NaiveDate) -> Option<NaiveDate> {
    let age = age_on(birth, today);
    let bracket = CARD_AGES.into_iter().filter(|&a| a <= age).max()?;
    let lo = shift_years(birth, bracket as i32).max(date(2016, 1, 1));
    let hi = today.pred_opt().expect("a day");
    Some(if lo > hi {
        lo.min(today)
    } else {
        d.day_between(lo, hi)
    })
}

/// The expiry box: a date, "Không thời hạn", or blank (no card).
pub fn expiry(birth: NaiveDate, issued: Option<NaiveDate>) -> String {
    let Some(issued) = issued else {
        return String::new();
    };
    let age = age_on(birth, issued);
    let mut next = CARD_AGES.into_iter().filter(|&a| a > age && a > 14);
    let day = |a: u32| shift_years(birth, a as i32).format("%d/%m/%Y").to_string();
    match next.next() {
        None => "Không thời hạn".into(),
        Some(first) if issued >= shift_years(birth, first as i32 - 2) => {
            next.next().map_or("Không thời hạn".into(), day)
        }
        Some(first) => day(first),
    }
}

/// A card that expired 1–700 days ago at `change`: (birth, issued).
pub fn expired_card(d: &mut Draw, today: NaiveDate, change: u32) -> (NaiveDate, NaiveDate) {
    let prev = CARD_AGES
        .into_iter()
        .filter(|&a| a < change)
        .max()
        .unwrap_or(14);
    let expiry = today - Days::new(u64::from(d.range(1, 700)));
    let mut birth = no_leap_day(shift_years(expiry, -(change as i32)));
    if shift_years(birth, change as i32) >= today {
        birth = birth.with_year(birth.year() - 1).expect("a day");
    }
    let lo = shift_years(birth, prev as i32).max(date(2016, 1, 1));
    let hi = shift_years(birth, change as i32 - 2)
        .pred_opt()
        .expect("a day");
    let issued = if lo > hi { hi } else { d.day_between(lo, hi) };
    (birth, issued)
}

/// `PPP G YY NNNNNN`.
pub fn cccd(d: &mut Draw, code: &str, gender: Gender, birth: NaiveDate) -> String {
    let g = (birth.year() / 100 - 19) * 2 + i32::from(gender == Gender::Female);
    let serial = d.below(1_000_000);
    format!("{code}{g}{:02}{serial:06}", birth.year() % 100)
}

pub struct Name {
    pub surname: String,
    pub middle: String,
    pub given: String,
}

impl Name {
    pub fn full(&self) -> String {
        format!("{} {} {}", self.surname, self.middle, self.given)
    }
}

pub fn surname(d: &mut Draw) -> String {
    let s = &tables().names.surnames;
    s[d.weighted_u32(&weights(s))].name.clone()
}

pub fn name(d: &mut Draw, gender: Gender, surname_of: Option<String>) -> Name {
    let surname = surname_of.unwrap_or_else(|| surname(d));
    let t = &tables().names;
    let (middles, givens) = match gender {
        Gender::Male => (&t.male_middle, &t.male_given),
        Gender::Female => (&t.female_middle, &t.female_given),
    };
    let middle = middles[d.weighted_u32(&weights(middles))].name.clone();
    let mut i = d.below(givens.len() as u32) as usize;
    if givens[i] == middle {
        i = (i + 1) % givens.len();
    }
    let given = givens[i].clone();
    Name {
        surname,
        middle,
        given,
    }
}

pub fn ethnicity(d: &mut Draw, region: &str) -> String {
    let local: Vec<_> = tables()
        .names
        .ethnicities
        .iter()
        .filter(|e| e.regions.iter().any(|r| r == region))
        .collect();
    let w: Vec<u32> = local.iter().map(|e| e.weight).collect();
    local[d.weighted_u32(&w)].name.clone()
}

pub fn phone(d: &mut Draw) -> String {
    let prefix = d.pick(&tables().business.phone_prefixes).clone();
    format!("{prefix}{:07}", d.below(10_000_000))
}

/// Lower-case ASCII, tone and vowel marks dropped, đ as d, words run together.
pub fn mail_form(s: &str) -> String {
    let folded: String = s
        .nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| if c == 'đ' || c == 'Đ' { 'd' } else { c })
        .collect();
    folded.to_lowercase().replace(' ', "")
}

pub fn email(d: &mut Draw, name: &Name, year: i32) -> String {
    let domains = &tables().business.email_domains;
    let domain = &domains[d.weighted_u32(&weights(domains))].name;
    let (s, m, g) = (
        mail_form(&name.surname),
        mail_form(&name.middle),
        mail_form(&name.given),
    );
    let local = match d.below(3) {
        0 => format!("{g}{s}{:02}", year.rem_euclid(100)),
        1 => format!("{s}{}{g}{}", &m[..1], d.range(1, 99)),
        _ => format!("{g}.{s}{}", d.range(100, 999)),
    };
    format!("{local}@{domain}")
}

/// A provincial tax code: prefix, `range(1, 9 999 999)` as seven digits (again while
/// the check digit would be 10), check digit 10 − (Σ digit × weight mod 11).
pub fn tax_code(d: &mut Draw, prefix: &str) -> String {
    const WEIGHTS: [u32; 9] = [31, 29, 23, 19, 17, 13, 7, 5, 3];
    loop {
        let digits = format!("{prefix}{:07}", d.range(1, 9_999_999));
        let sum: u32 = digits
            .chars()
            .zip(WEIGHTS)
            .map(|(c, w)| c.to_digit(10).expect("a digit") * w)
            .sum();
        let check = 10 - sum % 11;
        if check < 10 {
            return format!("{digits}{check}");
        }
    }
}
