//! The QĐ 766/QĐ-TTg indicators of the simulated desk: what the National Portal
//! would show for this desk's own dossiers over the simulated period. A unit-level
//! index, not a rubric of the trainee (docs/engine.md, "Which number is which").
//!
//! Formulas from the indicator specification ("Mô tả công thức tính chỉ số 766"):
//! each is a count of dossiers over a count of dossiers; full points at 50% (3.3),
//! 80% (4.2, 4.3) or 90% (5.4), and below that ratio × maximum ÷ threshold. Points
//! only where the maximum is confirmed (2.1: 20, 5.4: 6); 2.1 has no published
//! scaling below its maximum, so it shows points only when every dossier is on time.

pub mod count;

use serde::Serialize;

use crate::scenario::model::keyed_enum;

pub use count::{DossierFacts, count};

keyed_enum!(
    /// The indicators a desk's own dossiers decide.
    IndicatorId {
        /// 1.4 Hồ sơ đồng bộ lên Cổng DVCQG.
        Synced = "1.4",
        /// 2.1 Hồ sơ xử lý trước hạn, đúng hạn.
        OnTime = "2.1",
        /// 3.3 Hồ sơ nộp trực tuyến.
        FiledOnline = "3.3",
        /// 3.6 Hồ sơ thanh toán trực tuyến.
        PaidOnline = "3.6",
        /// 4.1 Hồ sơ có kết quả giải quyết điện tử.
        ElectronicResult = "4.1",
        /// 4.2 Hồ sơ thực hiện số hóa.
        Digitized = "4.2",
        /// 4.3 Tái sử dụng dữ liệu số hóa.
        Reused = "4.3",
        /// 5.4 Hài lòng trong tiếp nhận, giải quyết TTHC.
        Satisfaction = "5.4",
    }
);

/// Why an indicator has no ratio.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NotAssessed {
    /// The simulation does not sync dossiers to the National Portal.
    NotSimulated,
    /// No dossier of the period counts (the specification shows N/A).
    NoDossiers,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Indicator {
    pub id: IndicatorId,
    pub numerator: u32,
    pub denominator: u32,
    /// numerator ÷ denominator; `None` when not assessed.
    pub ratio: Option<f64>,
    pub not_assessed: Option<NotAssessed>,
    /// The ratio from which the indicator earns its full points, where stated.
    pub full_at: Option<f64>,
    pub full: bool,
    /// The indicator's maximum, where a source confirms it.
    pub max_points: Option<f64>,
    /// Points, only where both the maximum and the scaling are stated.
    pub points: Option<f64>,
}

/// The panel: every indicator in the specification's order. No total and no band:
/// no group has every indicator assessed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Panel766 {
    pub indicators: Vec<Indicator>,
}

impl Panel766 {
    pub fn get(&self, id: IndicatorId) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }
}

impl IndicatorId {
    /// Full points from this ratio (the specification's notes).
    pub fn full_at(self) -> Option<f64> {
        match self {
            IndicatorId::FiledOnline => Some(0.5),
            IndicatorId::Digitized | IndicatorId::Reused => Some(0.8),
            IndicatorId::Satisfaction => Some(0.9),
            IndicatorId::Synced
            | IndicatorId::OnTime
            | IndicatorId::PaidOnline
            | IndicatorId::ElectronicResult => None,
        }
    }

    /// Confirmed maxima: 2.1 up to 20 points, 5.4 six points.
    pub fn max_points(self) -> Option<f64> {
        match self {
            IndicatorId::OnTime => Some(20.0),
            IndicatorId::Satisfaction => Some(6.0),
            IndicatorId::Synced
            | IndicatorId::FiledOnline
            | IndicatorId::PaidOnline
            | IndicatorId::ElectronicResult
            | IndicatorId::Digitized
            | IndicatorId::Reused => None,
        }
    }
}

/// An indicator from its counts.
pub fn indicator(id: IndicatorId, numerator: u32, denominator: u32) -> Indicator {
    if denominator == 0 {
        return not_assessed(id, NotAssessed::NoDossiers);
    }
    let ratio = f64::from(numerator) / f64::from(denominator);
    let full_at = id.full_at();
    let full = ratio >= full_at.unwrap_or(1.0);
    let max_points = id.max_points();
    let points = match (max_points, full_at) {
        (Some(max), _) if full => Some(max),
        (Some(max), Some(at)) => Some(super::grade::round1(max * ratio / at)),
        _ => None,
    };
    Indicator {
        id,
        numerator,
        denominator,
        ratio: Some(ratio),
        not_assessed: None,
        full_at,
        full,
        max_points,
        points,
    }
}

/// An indicator the simulation cannot decide: never shown as full.
pub fn not_assessed(id: IndicatorId, why: NotAssessed) -> Indicator {
    Indicator {
        id,
        numerator: 0,
        denominator: 0,
        ratio: None,
        not_assessed: Some(why),
        full_at: id.full_at(),
        full: false,
        max_points: id.max_points(),
        points: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_give_full_points_and_scale_below() {
        // 5.4 at 81%: 6 × 0.81 ÷ 0.9 = 5.4 points; at 90% full.
        let low = indicator(IndicatorId::Satisfaction, 81, 100);
        assert_eq!(low.points, Some(5.4));
        assert!(!low.full);
        assert_eq!(
            indicator(IndicatorId::Satisfaction, 9, 10).points,
            Some(6.0)
        );
    }

    #[test]
    fn on_time_shows_points_only_at_its_maximum() {
        assert_eq!(indicator(IndicatorId::OnTime, 10, 10).points, Some(20.0));
        let nine = indicator(IndicatorId::OnTime, 9, 10);
        assert_eq!((nine.points, nine.max_points), (None, Some(20.0)));
    }

    #[test]
    fn no_dossier_is_not_assessed_and_never_full() {
        let none = indicator(IndicatorId::FiledOnline, 0, 0);
        assert_eq!(none.ratio, None);
        assert!(!none.full);
        assert_eq!(none.not_assessed, Some(NotAssessed::NoDossiers));
    }
}
