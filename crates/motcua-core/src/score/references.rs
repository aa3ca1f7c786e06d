//! The legal instrument behind each rule, by the rule set in force and the date of the
//! mistake: an instrument is cited only for dates it was in force. Article numbers
//! only where a source confirmed them (docs/engine.md lists the sources).

use chrono::NaiveDate;

use crate::scenario::RuleSet;

use super::mistake::MistakeCode;
use crate::scenario::model::keyed_enum;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

keyed_enum!(
    /// A general legal reference: the catalogue words it (`reference.<key>`, the
    /// Vietnamese citation and its English rendering). Each names the instruments
    /// listed in its comment.
    Citation {
        /// QĐ 766/QĐ-TTg, indicator 2.1: a second supplement request counts as overdue.
        SupplementOnce = "supplement-once",
        /// Thông tư 01/2023/TT-VPCP; QĐ 766/QĐ-TTg, indicators 4.2 and 4.3.
        DigitizeReuse = "digitize-reuse",
        /// QĐ 766/QĐ-TTg, indicator 2.1: dossiers processed on time.
        OnTime = "on-time",
        /// Nghị định 118/2025/NĐ-CP: receipt regardless of administrative boundary.
        BoundaryFree = "boundary-free",
        /// Nghị định 118/2025/NĐ-CP, form 04 (before the forms of 2026).
        Apology2025Early = "apology-2025-early",
        /// Nghị định 118/2025/NĐ-CP; Thông tư 03/2025/TT-VPCP, form 04.
        Apology2025 = "apology-2025",
        /// Nghị định 61/2018/NĐ-CP; Thông tư 01/2018/TT-VPCP, form 04.
        Apology2018 = "apology-2018",
        /// QĐ 766/QĐ-TTg, indicator 3.6; Nghị định 42/2022/NĐ-CP, Article 11.
        FeeBeforeResult = "fee-before-result",
        /// Nghị định 42/2022/NĐ-CP, Article 11 clause 1.
        ResultChannel = "result-channel",
        /// Nghị định 118/2025/NĐ-CP (form 05); Thông tư 01/2018/TT-VPCP, forms 01–03.
        Forms2025Early = "forms-2025-early",
        /// Nghị định 118/2025/NĐ-CP; Thông tư 03/2025/TT-VPCP, forms 01–03 and 05.
        Forms2025 = "forms-2025",
        /// Nghị định 61/2018/NĐ-CP; Thông tư 01/2018/TT-VPCP, forms 01–03.
        Forms2018 = "forms-2018",
        /// Nghị định 104/2022/NĐ-CP and Nghị định 45/2020/NĐ-CP (before 15/11/2025).
        HeldData2022 = "held-data-2022",
        /// Nghị quyết 66.7/2025/NQ-CP with Nghị định 104/2022/NĐ-CP (from 15/11/2025).
        HeldData2025 = "held-data-2025",
        /// Luật Chuyển đổi số (Luật số 148/2025/QH15), Article 32 (from 1/7/2026).
        HeldData2026 = "held-data-2026",
    }
);

/// The legal reference of a mistake: what the scenario cites, or a general rule.
#[derive(Debug, Clone, PartialEq)]
pub enum Reference {
    /// The flaw's own `reference`, as the scenario wrote it.
    Written(String),
    /// The procedure's `legal_basis` entries (as written; empty for most mistakes),
    /// then a general citation.
    General {
        basis: Vec<String>,
        citation: Citation,
    },
}

impl Reference {
    /// A general citation with nothing before it.
    pub fn general(citation: Citation) -> Reference {
        Reference::General {
            basis: Vec::new(),
            citation,
        }
    }
}

/// The general reference for `code` under `rules` on `date`. Mistakes about a planted
/// flaw cite the flaw's own `reference` instead.
pub fn general(code: MistakeCode, rules: RuleSet, date: NaiveDate) -> Citation {
    use MistakeCode::*;
    let early = date < forms_2025();
    match code {
        SupplementTwice => Citation::SupplementOnce,
        AskedNationalDb => not_asking_for_held_data(date),
        NotDigitized | NotReused => Citation::DigitizeReuse,
        Late | Unfinished => Citation::OnTime,
        NotTransferred | TransferredWrongly => Citation::BoundaryFree,
        LateWithoutApology | ApologyNotNeeded => match rules {
            RuleSet::R2025 if early => Citation::Apology2025Early,
            RuleSet::R2025 => Citation::Apology2025,
            RuleSet::R2018 => Citation::Apology2018,
        },
        ResultBeforePayment => Citation::FeeBeforeResult,
        WrongResultChannel => Citation::ResultChannel,
        // The receipt and appraisal decisions: the decree and the forms in force.
        AcceptedIncomplete | FailedToRefuse | SupplementNotNeeded | SupplementIncomplete
        | RefusedWithoutGround | OutOfOrder | ApprovedFlawed => match rules {
            RuleSet::R2025 if early => Citation::Forms2025Early,
            RuleSet::R2025 => Citation::Forms2025,
            RuleSet::R2018 => Citation::Forms2018,
        },
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
fn not_asking_for_held_data(date: NaiveDate) -> Citation {
    if date >= day(2026, 7, 1) {
        Citation::HeldData2026
    } else if date >= day(2025, 11, 15) {
        Citation::HeldData2025
    } else {
        Citation::HeldData2022
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Worked out from the dates each instrument came into force (see the doc comments).
    #[test]
    fn the_data_rule_cites_only_instruments_in_force_on_the_day() {
        let cite = |y, m, d| general(MistakeCode::AskedNationalDb, RuleSet::R2025, day(y, m, d));
        assert_eq!(cite(2024, 10, 14), Citation::HeldData2022);
        assert_eq!(cite(2025, 11, 14), Citation::HeldData2022);
        assert_eq!(cite(2025, 11, 15), Citation::HeldData2025);
        assert_eq!(cite(2026, 3, 2), Citation::HeldData2025);
        assert_eq!(cite(2026, 7, 1), Citation::HeldData2026);
    }

    #[test]
    fn forms_of_circular_03_2025_are_cited_from_2026() {
        let on = |y, m, d| {
            general(
                MistakeCode::AcceptedIncomplete,
                RuleSet::R2025,
                day(y, m, d),
            )
        };
        assert_eq!(on(2025, 7, 14), Citation::Forms2025Early);
        assert_eq!(on(2025, 12, 31), Citation::Forms2025Early);
        assert_eq!(on(2026, 3, 2), Citation::Forms2025);
    }
}
