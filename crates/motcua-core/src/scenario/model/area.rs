//! Where a desk may act: its area by date, which party's residence decides a
//! procedure's competence and at which level, and the papers a party's residence
//! or relationship makes necessary.

use chrono::NaiveDate;
use serde::Serialize;

use super::fields::{FieldRef, Party};
use super::keyed::keyed_enum;

/// The day the two-level local government started (1/7/2025): 34 provinces and no district.
pub fn merger_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 7, 1).unwrap_or(NaiveDate::MIN)
}

/// The administrative map of a date: addresses and the desk's area follow it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Geography {
    /// Before 1/7/2025: 63 provinces, three levels (commune, district, province).
    ThreeLevels,
    /// From 1/7/2025: 34 provinces, two levels (commune, province).
    TwoLevels,
}

impl Geography {
    pub fn on(date: NaiveDate) -> Geography {
        if date < merger_date() {
            Geography::ThreeLevels
        } else {
            Geography::TwoLevels
        }
    }
}

/// A place as an address writes it: the commune (xã, phường, đặc khu; with its district
/// before 1/7/2025) and the province.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Area {
    pub commune: Option<String>,
    pub district: Option<String>,
    pub province: String,
}

keyed_enum!(
    /// How finely competence is drawn: the desk's commune, or its whole province.
    Level {
        Commune = "commune",
        Province = "province",
    }
);

/// Which residence or place decides that the desk may take a dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Jurisdiction {
    /// Address fields (`father.address`, `premises.address`): the desk is competent
    /// when any one of them lies inside its area.
    pub by: Vec<FieldRef>,
    pub level: Level,
    /// Received regardless of administrative boundary within the province (NĐ
    /// 118/2025/NĐ-CP, for procedures on the province's list): from 1/7/2025 a
    /// dossier that belongs to another commune of the province is accepted and
    /// transferred to it, not refused.
    pub boundary_free: bool,
}

keyed_enum!(
    /// What makes a conditional component necessary.
    Condition {
        /// The party does not live inside the desk's area (a non-resident spouse's
        /// certificate of marital status).
        NonResident = "non-resident",
        /// The party is not the applicant's parent, spouse or child (an authorisation).
        NotCloseRelative = "not-close-relative",
        /// The business's line is a trade that needs a certificate (a practising
        /// certificate); `party` is `business`.
        ConditionalTrade = "conditional-trade",
    }
);

/// A component needed only when `party` meets `condition`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RequiredIf {
    pub party: Party,
    pub condition: Condition,
}

keyed_enum!(
    /// The legal form a procedure registers; it starts the business party's name.
    LegalForm {
        Tnhh = "cong-ty-tnhh",
        CoPhan = "cong-ty-co-phan",
        HopDanh = "cong-ty-hop-danh",
        TuNhan = "doanh-nghiep-tu-nhan",
        HoKinhDoanh = "ho-kinh-doanh",
    }
);

impl LegalForm {
    /// The words a registered name starts with (Luật Doanh nghiệp 2020: the legal form,
    /// then the proper name; a household business is "Hộ kinh doanh" and its own name).
    pub fn prefix(self) -> &'static str {
        match self {
            LegalForm::Tnhh => "Công ty TNHH",
            LegalForm::CoPhan => "Công ty cổ phần",
            LegalForm::HopDanh => "Công ty hợp danh",
            LegalForm::TuNhan => "Doanh nghiệp tư nhân",
            LegalForm::HoKinhDoanh => "Hộ kinh doanh",
        }
    }
}

/// Relations a party can have to the person the dossier is for, as forms write them.
/// Luật Lý lịch tư pháp 2009, Điều 45 khoản 2: a parent, spouse or child filing needs
/// no written authorisation.
pub const CLOSE_RELATIVES: &[&str] = &["Cha", "Mẹ", "Vợ", "Chồng", "Con"];

/// Whether a written relation is a parent, spouse or child.
pub fn is_close_relative(relation: &str) -> bool {
    CLOSE_RELATIVES.contains(&relation)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_map_changes_on_the_first_of_july_2025() {
        let day = |m, d| NaiveDate::from_ymd_opt(2025, m, d).unwrap_or_default();
        assert_eq!(Geography::on(day(6, 30)), Geography::ThreeLevels);
        assert_eq!(Geography::on(day(7, 1)), Geography::TwoLevels);
    }
}
