//! The legal instrument behind each rule, by the rule set in force and the date of the
//! mistake: an instrument is cited only for dates it was in force. Article numbers
//! only where a source confirmed them (docs/engine.md lists the sources).

use chrono::NaiveDate;

use crate::scenario::RuleSet;

use super::mistake::MistakeCode;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// The general reference for `code` under `rules` on `date`. Mistakes about a planted
/// flaw cite the flaw's own `reference` instead.
pub fn general(code: MistakeCode, rules: RuleSet, date: NaiveDate) -> &'static str {
    use MistakeCode::*;
    match (code, rules) {
        (SupplementTwice, _) => {
            "QĐ 766/QĐ-TTg, chỉ số 2.1 (yêu cầu bổ sung quá một lần tính là quá hạn)"
        }
        (AskedNationalDb, _) => not_asking_for_held_data(date),
        (NotDigitized | NotReused, _) => {
            "Thông tư 01/2023/TT-VPCP; QĐ 766/QĐ-TTg, chỉ số 4.2 và 4.3"
        }
        (Late | Unfinished, _) => "QĐ 766/QĐ-TTg, chỉ số 2.1 (hồ sơ xử lý đúng hạn)",
        (NotTransferred | TransferredWrongly, _) => {
            "Nghị định 118/2025/NĐ-CP (tiếp nhận hồ sơ không phụ thuộc địa giới hành chính trong phạm vi cấp tỉnh)"
        }
        (LateWithoutApology | ApologyNotNeeded, RuleSet::R2025) if date < forms_2025() => {
            "Nghị định 118/2025/NĐ-CP, mẫu 04 (văn bản xin lỗi và đề nghị gia hạn)"
        }
        (LateWithoutApology | ApologyNotNeeded, RuleSet::R2025) => {
            "Nghị định 118/2025/NĐ-CP; Thông tư 03/2025/TT-VPCP, mẫu 04"
        }
        (LateWithoutApology | ApologyNotNeeded, RuleSet::R2018) => {
            "Nghị định 61/2018/NĐ-CP; Thông tư 01/2018/TT-VPCP, mẫu 04"
        }
        (ResultBeforePayment, _) => "QĐ 766/QĐ-TTg, chỉ số 3.6; Nghị định 42/2022/NĐ-CP, Điều 11",
        (WrongResultChannel, _) => "Nghị định 42/2022/NĐ-CP, Điều 11 khoản 1",
        (_, RuleSet::R2025) if date < forms_2025() => {
            "Nghị định 118/2025/NĐ-CP (mẫu 05); Thông tư 01/2018/TT-VPCP, mẫu 01, 02, 03"
        }
        (_, RuleSet::R2025) => {
            "Nghị định 118/2025/NĐ-CP; Thông tư 03/2025/TT-VPCP, mẫu 01, 02, 03, 05"
        }
        (_, RuleSet::R2018) => "Nghị định 61/2018/NĐ-CP; Thông tư 01/2018/TT-VPCP, mẫu 01, 02, 03",
    }
}

/// Whether the forms of Thông tư 03/2025/TT-VPCP are the ones cited on `date`.
pub fn circular_03_2025_forms(date: NaiveDate) -> bool {
    date >= forms_2025()
}

/// The forms of Thông tư 03/2025/TT-VPCP (signed 15/9/2025) are cited from 2026 on:
/// its effective date is not confirmed, so dossiers of 2025 keep the forms of
/// Thông tư 01/2018/TT-VPCP with the names Nghị định 118/2025/NĐ-CP gives forms 04 and 05.
fn forms_2025() -> NaiveDate {
    day(2026, 1, 1)
}

/// Not asking a citizen for data a national database holds, by date:
/// - before 15/11/2025: Nghị định 104/2022/NĐ-CP (residence data of the population
///   database replaces the household books, from 1/1/2023) and Nghị định 45/2020/NĐ-CP
///   (reusing data of electronic dossiers);
/// - from 15/11/2025: Nghị quyết 66.7/2025/NQ-CP (no component whose data a published
///   database holds) with Nghị định 104/2022/NĐ-CP;
/// - from 1/7/2026: Luật Chuyển đổi số (Luật số 148/2025/QH15), Điều 32.
fn not_asking_for_held_data(date: NaiveDate) -> &'static str {
    if date >= day(2026, 7, 1) {
        "Luật Chuyển đổi số (Luật số 148/2025/QH15), Điều 32"
    } else if date >= day(2025, 11, 15) {
        "Nghị quyết 66.7/2025/NQ-CP; Nghị định 104/2022/NĐ-CP (dữ liệu dân cư)"
    } else {
        "Nghị định 104/2022/NĐ-CP (dữ liệu dân cư); Nghị định 45/2020/NĐ-CP (tái sử dụng dữ liệu)"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Worked out from the dates each instrument came into force (see the doc comments).
    #[test]
    fn the_data_rule_cites_only_instruments_in_force_on_the_day() {
        let cite = |y, m, d| general(MistakeCode::AskedNationalDb, RuleSet::R2025, day(y, m, d));
        assert!(cite(2024, 10, 14).starts_with("Nghị định 104/2022"));
        assert!(!cite(2026, 3, 2).contains("148/2025"));
        assert!(cite(2026, 3, 2).contains("66.7/2025"));
        assert!(cite(2026, 7, 1).contains("148/2025/QH15"));
    }

    #[test]
    fn forms_of_circular_03_2025_are_cited_from_2026() {
        let july = general(
            MistakeCode::AcceptedIncomplete,
            RuleSet::R2025,
            day(2025, 7, 14),
        );
        assert!(!july.contains("03/2025/TT-VPCP") && july.contains("01/2018/TT-VPCP"));
        let march = general(
            MistakeCode::AcceptedIncomplete,
            RuleSet::R2025,
            day(2026, 3, 2),
        );
        assert!(march.contains("03/2025/TT-VPCP"));
    }
}
