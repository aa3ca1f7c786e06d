//! The 766-style index: five groups of QĐ 766/QĐ-TTg, a total of 0..100 and its band.

use serde::Serialize;

use crate::scenario::Weights;

/// The five groups of QĐ 766, with their keys in `[scoring] weights`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Group {
    /// 1 Công khai, minh bạch (18).
    Transparency,
    /// 2 Tiến độ, kết quả giải quyết (20).
    Progress,
    /// 3 Số hóa hồ sơ (22).
    Digitization,
    /// 4 Cung cấp dịch vụ trực tuyến (22).
    Online,
    /// 5 Mức độ hài lòng (18).
    Satisfaction,
}

impl Group {
    pub const ALL: [Group; 5] = [
        Group::Transparency,
        Group::Progress,
        Group::Digitization,
        Group::Online,
        Group::Satisfaction,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Group::Transparency => "transparency",
            Group::Progress => "progress",
            Group::Digitization => "digitization",
            Group::Online => "online",
            Group::Satisfaction => "satisfaction",
        }
    }

    fn weight(self, w: &Weights) -> f64 {
        match self {
            Group::Transparency => w.transparency,
            Group::Progress => w.progress,
            Group::Digitization => w.digitization,
            Group::Online => w.online,
            Group::Satisfaction => w.satisfaction,
        }
    }
}

/// QĐ 766 indicator 5.4: a satisfaction rate of 90% or more earns full points.
pub const SATISFACTION_FULL_AT: f64 = 0.9;

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct GroupScore {
    pub group: Group,
    pub points: f64,
    pub max: f64,
    /// Dossiers without a mistake of this group, out of all dossiers.
    pub clean: usize,
    pub of: usize,
}

/// Points of each group. `clean[g]` dossiers of `total` had no mistake of group `g`.
/// Weights are scaled so the maxima sum to 100.
pub fn groups(weights: &Weights, clean: impl Fn(Group) -> usize, total: usize) -> Vec<GroupScore> {
    let sum: f64 = Group::ALL.iter().map(|g| g.weight(weights).max(0.0)).sum();
    Group::ALL
        .iter()
        .map(|&group| {
            let max = if sum > 0.0 {
                group.weight(weights).max(0.0) * 100.0 / sum
            } else {
                20.0
            };
            let clean = clean(group);
            let rate = if total == 0 {
                1.0
            } else {
                clean as f64 / total as f64
            };
            let share = match group {
                Group::Satisfaction => (rate / SATISFACTION_FULL_AT).min(1.0),
                _ => rate,
            };
            GroupScore {
                group,
                points: round1(max * share),
                max: round1(max),
                clean,
                of: total,
            }
        })
        .collect()
}

/// One decimal, as the portal shows scores.
pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Rating bands of the 766 total (seed article 001).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Band {
    /// < 50 yếu.
    Yeu,
    /// 50–70 trung bình.
    TrungBinh,
    /// 70–80 khá.
    Kha,
    /// 80–90 tốt.
    Tot,
    /// ≥ 90 xuất sắc.
    XuatSac,
}

impl Band {
    pub fn of(total: f64) -> Band {
        if total >= 90.0 {
            Band::XuatSac
        } else if total >= 80.0 {
            Band::Tot
        } else if total >= 70.0 {
            Band::Kha
        } else if total >= 50.0 {
            Band::TrungBinh
        } else {
            Band::Yeu
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Band::XuatSac => "xuat-sac",
            Band::Tot => "tot",
            Band::Kha => "kha",
            Band::TrungBinh => "trung-binh",
            Band::Yeu => "yeu",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_follow_the_766_thresholds() {
        assert_eq!(Band::of(100.0), Band::XuatSac);
        assert_eq!(Band::of(90.0), Band::XuatSac);
        assert_eq!(Band::of(89.9), Band::Tot);
        assert_eq!(Band::of(80.0), Band::Tot);
        assert_eq!(Band::of(79.9), Band::Kha);
        assert_eq!(Band::of(70.0), Band::Kha);
        assert_eq!(Band::of(69.9), Band::TrungBinh);
        assert_eq!(Band::of(50.0), Band::TrungBinh);
        assert_eq!(Band::of(49.9), Band::Yeu);
    }

    #[test]
    fn default_weights_are_the_766_maxima_and_a_clean_attempt_gets_all() {
        let g = groups(&Weights::default(), |_| 10, 10);
        let maxima: Vec<f64> = g.iter().map(|g| g.max).collect();
        assert_eq!(maxima, [18.0, 20.0, 22.0, 22.0, 18.0]);
        assert_eq!(g.iter().map(|g| g.points).sum::<f64>(), 100.0);
    }

    #[test]
    fn satisfaction_is_full_from_ninety_percent() {
        let g = groups(&Weights::default(), |_| 9, 10);
        assert_eq!(g[4].points, 18.0);
        assert_eq!(g[0].points, round1(18.0 * 0.9));
    }
}
