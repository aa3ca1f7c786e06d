//! Identifiers: căn cước numbers, tax codes, dossier codes, phone numbers and e-mails.

use chrono::{Datelike, Days, NaiveDate};

use super::dossier::Gender;
use super::rng::SimRng;
use super::text::{Text, TextBuf, digit_width, push_digits};

/// Tax-code weights of the first nine digits (python-stdnum `vn/mst.py`).
const TAX_WEIGHTS: [u32; 9] = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/// The sex-and-century digit `G` of a căn cước number: even for men, odd for women;
/// 0/1 for the 1900s, 2/3 for the 2000s, 4/5 for the 2100s. `None` outside 1900–2399.
pub fn cccd_gender_digit(gender: Gender, birth_year: i32) -> Option<u32> {
    let century = u32::try_from(birth_year.checked_div(100)? - 19).ok()?;
    (century <= 4).then_some(century * 2 + u32::from(gender == Gender::Female))
}

/// `PPP G YY NNNNNN`: province of birth registration, sex and century, year, serial.
pub fn cccd(province: &str, gender: Gender, birth: NaiveDate, serial: u32) -> String {
    cccd_text(province, gender, birth, serial).to_string()
}

/// `cccd` held in place (twelve bytes: no allocation).
fn cccd_text(province: &str, gender: Gender, birth: NaiveDate, serial: u32) -> Text {
    let g = cccd_gender_digit(gender, birth.year()).unwrap_or(0);
    let yy = birth.year().rem_euclid(100).unsigned_abs();
    let mut out = TextBuf::default();
    out.push_str(province);
    push_digits(&mut out, g, 1);
    push_digits(&mut out, yy, 2);
    push_digits(&mut out, serial % 1_000_000, 6);
    out.finish()
}

pub(crate) fn draw_cccd(
    rng: &mut SimRng,
    province: &str,
    gender: Gender,
    birth: NaiveDate,
) -> Text {
    cccd_text(province, gender, birth, rng.below(1_000_000))
}

/// Check digit for the first nine digits; `None` when 10 − (Σ mod 11) is 10 (no valid code).
pub fn tax_check_digit(first_nine: &[u32; 9]) -> Option<u32> {
    let sum: u32 = first_nine.iter().zip(TAX_WEIGHTS).map(|(d, w)| d * w).sum();
    let check = 10 - sum % 11;
    (check < 10).then_some(check)
}

/// A mã số thuế: ten digits with a correct check digit and digits 3–9 not all zero,
/// optionally followed by `-NNN` (a branch, 001–999).
pub fn is_valid_tax_code(code: &str) -> bool {
    let (main, branch) = match code.split_once('-') {
        Some((m, b)) => (m, Some(b)),
        None => (code, None),
    };
    if let Some(b) = branch {
        let ok = b.len() == 3 && b.bytes().all(|c| c.is_ascii_digit()) && b != "000";
        if !ok {
            return false;
        }
    }
    let digits: Vec<u32> = main.chars().filter_map(|c| c.to_digit(10)).collect();
    if main.len() != 10 || digits.len() != 10 || digits[2..9].iter().all(|&d| d == 0) {
        return false;
    }
    let mut nine = [0u32; 9];
    nine.copy_from_slice(&digits[..9]);
    tax_check_digit(&nine) == Some(digits[9])
}

/// A valid ten-digit tax code in the province range `prefix` (two digits).
pub(crate) fn draw_tax_code(rng: &mut SimRng, prefix: &str) -> Text {
    let p: Vec<u32> = prefix.chars().filter_map(|c| c.to_digit(10)).collect();
    let (p0, p1) = match p.as_slice() {
        [a, b] => (*a, *b),
        _ => (0, 1),
    };
    loop {
        let serial = rng.range(1, 9_999_999);
        let mut nine = [p0, p1, 0, 0, 0, 0, 0, 0, 0];
        for (i, slot) in nine[2..].iter_mut().enumerate() {
            *slot = serial / 10u32.pow(6 - i as u32) % 10;
        }
        if let Some(check) = tax_check_digit(&nine) {
            let mut out = TextBuf::default();
            push_digits(&mut out, p0 * 10 + p1, 2);
            push_digits(&mut out, serial, 7);
            push_digits(&mut out, check, 1);
            return out.finish();
        }
    }
}

/// Digits a dossier code gives its number of the day, at least (`NNNN`).
const SEQ_DIGITS: usize = 4;

/// How many digits `dossier_code` writes for number `seq` of the day: a code whose
/// number is written otherwise (`-001`, `-00001`) is not one of ours.
pub fn seq_width(seq: u32) -> usize {
    digit_width(seq, SEQ_DIGITS)
}

/// `unit-YYMMDD-NNNN` (TT 01/2018 Art 19): unit code, date received, sequence of that day.
pub fn dossier_code(unit: &str, date: NaiveDate, seq: u32) -> String {
    // Written into one byte array: the plan numbers every dossier of the period, and
    // `format!` with chrono's strftime cost more than the rest of planning one.
    let mut code = String::with_capacity(unit.len() + 14);
    code.push_str(unit);
    let yy = date.year().rem_euclid(100).unsigned_abs();
    let mut tail = *b"-YYMMDD-";
    for (slot, n) in tail[1..7]
        .chunks_exact_mut(2)
        .zip([yy, date.month(), date.day()])
    {
        slot.copy_from_slice(&two_digits(n));
    }
    // Only ASCII was written: each byte is its char (no UTF-8 check needed).
    code.extend(tail.iter().map(|&b| char::from(b)));
    if seq < 10_000 {
        let [a, b] = [two_digits(seq / 100), two_digits(seq % 100)];
        code.extend([a[0], a[1], b[0], b[1]].map(char::from));
    } else {
        push_digits(&mut code, seq, SEQ_DIGITS);
    }
    code
}

/// `n` (below 100) as two ASCII digits.
fn two_digits(n: u32) -> [u8; 2] {
    [b'0' + (n / 10 % 10) as u8, b'0' + (n % 10) as u8]
}

/// Ages at which a căn cước must be changed (Luật Căn cước 2023, Art 21).
pub const CARD_AGES: [u32; 4] = [14, 25, 40, 60];

/// The day someone turns `years` (28 February for a 29 February birthday in common years).
pub fn anniversary(birth: NaiveDate, years: u32) -> NaiveDate {
    i32::try_from(years)
        .ok()
        .and_then(|y| shift_years(birth, y))
        .unwrap_or(birth)
}

/// `day` moved by whole years, 29 February becoming 28 February in a common year:
/// what chrono's `checked_add_months(12 × years)` gives (it clamps the day to the
/// month's last), without its month arithmetic, which cost 7% of generating.
/// `None` outside chrono's range, as there.
fn shift_years(day: NaiveDate, years: i32) -> Option<NaiveDate> {
    let year = day.year().checked_add(years)?;
    NaiveDate::from_ymd_opt(year, day.month(), day.day()).or_else(|| {
        // Only 29 February has no twin in another year (every other month keeps its length).
        (day.month() == 2 && day.day() == 29)
            .then(|| NaiveDate::from_ymd_opt(year, 2, 28))
            .flatten()
    })
}

/// `day` `years` years earlier (`shift_years` backwards); `None` outside chrono's range.
fn years_before(day: NaiveDate, years: u32) -> Option<NaiveDate> {
    shift_years(day, -i32::try_from(years).ok()?)
}

/// Completed years of age on `day`.
pub fn age_on(birth: NaiveDate, day: NaiveDate) -> u32 {
    if day <= birth {
        return 0;
    }
    let years = u32::try_from(day.year() - birth.year()).unwrap_or(0);
    if years == 0 {
        return 0;
    }
    // This year's birthday (`anniversary`, which falls in `day`'s year) compared by
    // month and day: no date built. One year less when it is still to come.
    let (month, mut dom) = (birth.month(), birth.day());
    if month == 2 && dom == 29 && !is_leap(day.year()) {
        dom = 28;
    }
    years - u32::from((month, dom) > (day.month(), day.day()))
}

fn is_leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// When a card issued on `issued` expires: at the next change age (25, 40, 60), or the
/// one after when issued within two years before it; `None` when it never expires.
pub fn card_expiry(birth: NaiveDate, issued: NaiveDate) -> Option<NaiveDate> {
    let age = age_on(birth, issued);
    let mut next = CARD_AGES.iter().copied().filter(|&a| a > age && a > 14);
    let first = next.next()?;
    if issued >= anniversary(birth, first - 2) {
        return next.next().map(|a| anniversary(birth, a));
    }
    Some(anniversary(birth, first))
}

/// Chip cards (căn cước công dân) exist since 2016.
fn first_issue_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2016, 1, 1).unwrap_or_default()
}

/// A day in `lo..=hi` (just `lo` when the range is empty).
pub(crate) fn day_between(rng: &mut SimRng, lo: NaiveDate, hi: NaiveDate) -> NaiveDate {
    // Day numbers rather than a `Duration` and `Days`: the same days, fewer steps.
    let (from, to) = (lo.num_days_from_ce(), hi.num_days_from_ce());
    let span = u64::try_from(to - from).unwrap_or(0);
    let offset = i32::try_from(rng.below_u64(span + 1)).unwrap_or(0);
    from.checked_add(offset)
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .unwrap_or(lo)
}

/// Issue date of a valid card for someone born on `birth`, seen on `today`; `None` under 14.
pub(crate) fn draw_issue_date(
    rng: &mut SimRng,
    birth: NaiveDate,
    today: NaiveDate,
) -> Option<NaiveDate> {
    let age = age_on(birth, today);
    let bracket = CARD_AGES.iter().copied().filter(|&a| a <= age).max()?;
    let lo = anniversary(birth, bracket).max(first_issue_day());
    let hi = today.pred_opt().unwrap_or(today);
    Some(if lo > hi {
        lo.min(today)
    } else {
        day_between(rng, lo, hi)
    })
}

/// Birth and issue dates of a card that expired `1..=700` days before `today`, when its
/// holder reached `change_age` (25, 40 or 60) without renewing.
pub(crate) fn draw_expired_card(
    rng: &mut SimRng,
    today: NaiveDate,
    change_age: u32,
) -> (NaiveDate, NaiveDate) {
    let prev = CARD_AGES
        .iter()
        .copied()
        .filter(|&a| a < change_age)
        .max()
        .unwrap_or(14);
    let days = u64::from(rng.range(1, 700));
    let expiry = today.checked_sub_days(Days::new(days)).unwrap_or(today);
    let mut birth = no_leap_day(years_before(expiry, change_age).unwrap_or(expiry));
    if anniversary(birth, change_age) >= today {
        birth = birth.with_year(birth.year() - 1).unwrap_or(birth);
    }
    let lo = anniversary(birth, prev).max(first_issue_day());
    let hi = anniversary(birth, change_age - 2)
        .pred_opt()
        .unwrap_or(birth);
    let issued = if lo > hi {
        hi
    } else {
        day_between(rng, lo, hi)
    };
    (birth, issued)
}

/// 29 February becomes 28 February: age rules for leap-day birthdays are ambiguous.
pub(crate) fn no_leap_day(d: NaiveDate) -> NaiveDate {
    if d.month() == 2 && d.day() == 29 {
        d.pred_opt().unwrap_or(d)
    } else {
        d
    }
}

/// A birth date for someone aged `lo..=hi` on `today`, never 29 February.
pub(crate) fn birth_for_age(rng: &mut SimRng, today: NaiveDate, lo: u32, hi: u32) -> NaiveDate {
    let hi = hi.max(lo);
    let latest = years_before(today, lo).unwrap_or(today);
    let earliest = years_before(today, hi + 1)
        .and_then(|d| d.succ_opt())
        .unwrap_or(latest);
    let d = day_between(rng, earliest, latest);
    if d.month() == 2 && d.day() == 29 {
        if d > earliest {
            d.pred_opt()
        } else {
            d.succ_opt()
        }
        .unwrap_or(d)
    } else {
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn dossier_codes_read_as_the_circular_writes_them() {
        let unit = "000.00.12.H12";
        assert_eq!(
            dossier_code(unit, day(2026, 3, 2), 1),
            "000.00.12.H12-260302-0001"
        );
        assert_eq!(
            dossier_code(unit, day(1999, 12, 31), 42),
            "000.00.12.H12-991231-0042"
        );
        // Past 9999 a day the number just grows.
        assert_eq!(dossier_code("X", day(2030, 1, 9), 12_345), "X-300109-12345");
    }

    #[test]
    fn tax_check_digit_matches_known_codes() {
        assert!(is_valid_tax_code("0100233488"));
        assert!(is_valid_tax_code("0314409058"));
        assert!(is_valid_tax_code("0314409058-002"));
        assert!(!is_valid_tax_code("0100233487"));
        assert!(!is_valid_tax_code("0314409058-000"));
        assert!(!is_valid_tax_code("01002334"));
        assert_eq!(tax_check_digit(&[0, 1, 0, 0, 2, 3, 3, 4, 8]), Some(8));
    }

    #[test]
    fn drawn_tax_codes_are_valid_and_keep_the_province_range() {
        let mut rng = SimRng::plan(5);
        for _ in 0..500 {
            let code = draw_tax_code(&mut rng, "37");
            assert!(is_valid_tax_code(&code), "{code}");
            assert!(code.starts_with("37"));
        }
    }

    #[test]
    fn cccd_layout_encodes_province_sex_century_and_year() {
        assert_eq!(
            cccd("001", Gender::Male, day(1985, 4, 2), 12345),
            "001085012345"
        );
        assert_eq!(
            cccd("079", Gender::Female, day(1999, 1, 1), 7),
            "079199000007"
        );
        assert_eq!(
            cccd("026", Gender::Male, day(2003, 6, 9), 999999),
            "026203999999"
        );
        assert_eq!(
            cccd("048", Gender::Female, day(2026, 2, 1), 1),
            "048326000001"
        );
        assert_eq!(cccd_gender_digit(Gender::Female, 2101), Some(5));
        assert_eq!(cccd_gender_digit(Gender::Male, 1899), None);
    }

    #[test]
    fn card_expiry_follows_the_change_ages() {
        let birth = day(1990, 5, 10);
        // Issued at 31: changes at 40.
        assert_eq!(card_expiry(birth, day(2021, 3, 1)), Some(day(2030, 5, 10)));
        // Issued at 38 (within two years of 40): valid until 60.
        assert_eq!(card_expiry(birth, day(2028, 6, 1)), Some(day(2050, 5, 10)));
        // Issued at 59: never expires.
        assert_eq!(card_expiry(birth, day(2049, 6, 1)), None);
        // Issued at 15: changes at 25.
        assert_eq!(
            card_expiry(day(2008, 1, 2), day(2023, 1, 5)),
            Some(day(2033, 1, 2))
        );
    }

    #[test]
    fn ages_count_completed_years() {
        let birth = day(2000, 3, 15);
        assert_eq!(age_on(birth, day(2018, 3, 14)), 17);
        assert_eq!(age_on(birth, day(2018, 3, 15)), 18);
        assert_eq!(age_on(birth, day(1999, 1, 1)), 0);
        // As counting down from the year's difference over anniversaries does,
        // 29 February birthdays included.
        let walk = |b: NaiveDate, d: NaiveDate| {
            let mut y = u32::try_from(d.year() - b.year()).unwrap_or(0);
            while d > b && y > 0 && anniversary(b, y) > d {
                y -= 1;
            }
            if d <= b { 0 } else { y }
        };
        for b in [
            day(2000, 2, 29),
            day(1999, 3, 1),
            day(1990, 12, 31),
            day(2003, 2, 28),
        ] {
            for n in (0..12_000).step_by(7) {
                let d = b + Days::new(n);
                assert_eq!(age_on(b, d), walk(b, d), "{b} {d}");
            }
        }
    }

    #[test]
    fn expired_cards_expired_before_today() {
        let mut rng = SimRng::plan(9);
        let today = day(2026, 3, 2);
        for change_age in [25, 40, 60] {
            for _ in 0..200 {
                let (birth, issued) = draw_expired_card(&mut rng, today, change_age);
                let expiry = card_expiry(birth, issued).expect("expires");
                assert!(expiry < today, "{birth} {issued} {expiry}");
                assert_eq!(expiry, anniversary(birth, change_age));
            }
        }
    }

    #[test]
    fn births_for_an_age_range_have_that_age() {
        let mut rng = SimRng::plan(11);
        let today = day(2028, 2, 29);
        for _ in 0..2000 {
            let b = birth_for_age(&mut rng, today, 18, 20);
            assert!((18..=20).contains(&age_on(b, today)), "{b}");
            assert!(!(b.month() == 2 && b.day() == 29));
        }
    }
}
