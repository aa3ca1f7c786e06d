//! The grade of the training score: the five names the QĐ 766 rating bands use
//! (seed article 001: ≥ 90 xuất sắc, 80–90 tốt, 70–80 khá, 50–70 trung bình, < 50
//! yếu), always shown as the training score's grade ("xếp loại điểm luyện tập"), never
//! as a rating of the desk.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Grade {
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

impl Grade {
    pub const ALL: [Grade; 5] = [
        Grade::Yeu,
        Grade::TrungBinh,
        Grade::Kha,
        Grade::Tot,
        Grade::XuatSac,
    ];

    pub fn of(total: f64) -> Grade {
        if total >= 90.0 {
            Grade::XuatSac
        } else if total >= 80.0 {
            Grade::Tot
        } else if total >= 70.0 {
            Grade::Kha
        } else if total >= 50.0 {
            Grade::TrungBinh
        } else {
            Grade::Yeu
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Grade::XuatSac => "xuat-sac",
            Grade::Tot => "tot",
            Grade::Kha => "kha",
            Grade::TrungBinh => "trung-binh",
            Grade::Yeu => "yeu",
        }
    }

    pub fn from_key(key: &str) -> Option<Grade> {
        Grade::ALL.into_iter().find(|g| g.key() == key)
    }
}

/// One decimal, as the portal shows scores.
pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_follow_the_five_thresholds() {
        assert_eq!(Grade::of(100.0), Grade::XuatSac);
        assert_eq!(Grade::of(90.0), Grade::XuatSac);
        assert_eq!(Grade::of(89.9), Grade::Tot);
        assert_eq!(Grade::of(80.0), Grade::Tot);
        assert_eq!(Grade::of(79.9), Grade::Kha);
        assert_eq!(Grade::of(70.0), Grade::Kha);
        assert_eq!(Grade::of(69.9), Grade::TrungBinh);
        assert_eq!(Grade::of(50.0), Grade::TrungBinh);
        assert_eq!(Grade::of(49.9), Grade::Yeu);
        assert_eq!(Grade::of(0.0), Grade::Yeu);
    }

    #[test]
    fn keys_round_trip() {
        for g in Grade::ALL {
            assert_eq!(Grade::from_key(g.key()), Some(g));
        }
    }
}
