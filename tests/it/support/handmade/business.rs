//! A business scenario: company registration and a certified copy, two procedures mixed.

use chrono::NaiveDate;
use motcua_core::scenario::*;

use super::{at, component, field, flaw, meta, office, plan, procedure, scenario};

/// Company registration and a certified copy, 2025 rules, Thành phố Hồ Chí Minh.
pub fn business_2025() -> Scenario {
    use Attr::*;
    use Party::*;
    let company = vec![
        component(
            "giay-de-nghi",
            "Giấy đề nghị đăng ký doanh nghiệp",
            CopyKind::BanChinh,
            true,
            false,
            &[
                ("Tên doanh nghiệp", Business, Name),
                ("Địa chỉ trụ sở", Business, Address),
                ("Ngành nghề", Business, BusinessLine),
                ("Vốn điều lệ", Business, Capital),
                ("Người đại diện", Representative, Name),
                ("Số định danh người đại diện", Representative, IdNumber),
            ],
        ),
        component(
            "dieu-le",
            "Điều lệ công ty",
            CopyKind::BanChinh,
            true,
            false,
            &[
                ("Tên doanh nghiệp", Business, Name),
                ("Chủ sở hữu", Owner, Name),
                ("Vốn điều lệ", Business, Capital),
            ],
        ),
        component(
            "cccd-dai-dien",
            "Căn cước người đại diện",
            CopyKind::BanDienTu,
            true,
            true,
            &[
                ("Số định danh", Representative, IdNumber),
                ("Có giá trị đến", Representative, IdExpiry),
            ],
        ),
        component(
            "thong-tin-thue",
            "Thông tin thuế",
            CopyKind::BanSao,
            false,
            false,
            &[
                ("Mã số thuế", Business, TaxCode),
                ("Thư điện tử", Business, Email),
            ],
        ),
    ];
    let company_flaws = vec![
        flaw(
            "thieu-dieu-le",
            FlawKind::Missing,
            Some("dieu-le"),
            None,
            FlawResponse::Supplement,
        ),
        flaw(
            "sai-von",
            FlawKind::Mismatch,
            Some("dieu-le"),
            Some(field(Business, Capital)),
            FlawResponse::Supplement,
        ),
        flaw(
            "sai-ten-dai-dien",
            FlawKind::Mismatch,
            Some("giay-de-nghi"),
            Some(field(Representative, Name)),
            FlawResponse::Supplement,
        ),
        flaw(
            "chua-ky",
            FlawKind::Unsigned,
            Some("giay-de-nghi"),
            None,
            FlawResponse::Supplement,
        ),
        flaw(
            "sai-mst",
            FlawKind::Mismatch,
            Some("thong-tin-thue"),
            Some(field(Business, TaxCode)),
            FlawResponse::Supplement,
        ),
        flaw(
            "tru-so-ngoai-tinh",
            FlawKind::OutOfJurisdiction,
            None,
            Some(field(Business, Address)),
            FlawResponse::Refuse,
        ),
    ];
    let copy = vec![component(
        "ban-chinh",
        "Bản chính giấy tờ",
        CopyKind::BanChinh,
        true,
        false,
        &[
            ("Họ tên", Applicant, Name),
            ("Số định danh", Applicant, IdNumber),
            ("Ngày cấp", Applicant, IdIssueDate),
            ("Nơi sinh", Applicant, BirthPlace),
            ("Quốc tịch", Applicant, Nationality),
            ("Địa chỉ", Applicant, Address),
        ],
    )];
    let copy_flaws = vec![
        flaw(
            "ban-chinh-mo",
            FlawKind::Illegible,
            Some("ban-chinh"),
            None,
            FlawResponse::Refuse,
        ),
        flaw(
            "sai-ten",
            FlawKind::Mismatch,
            Some("ban-chinh"),
            Some(field(Applicant, Name)),
            FlawResponse::Supplement,
        ),
    ];
    let mut s = scenario(
        meta(
            "doanh-nghiep-thu",
            RuleSet::R2025,
            at(2026, 4, 24, 9, 15),
            4,
        ),
        office("TP. Hồ Chí Minh", Some("Phường Sài Gòn")),
        vec![
            procedure(
                "2.000001",
                "Đăng ký thành lập công ty TNHH",
                company,
                company_flaws,
            ),
            procedure(
                "2.000815",
                "Chứng thực bản sao từ bản chính",
                copy,
                copy_flaws,
            ),
        ],
        plan(18, 0.5, 0.5, Vec::new()),
    );
    s.dossiers.mix.insert("2.000001".into(), 2.0);
    s.dossiers.mix.insert("2.000815".into(), 1.0);
    s.calendar
        .holidays
        .push(NaiveDate::from_ymd_opt(2026, 4, 27).unwrap());
    s
}
