//! The four hand-built scenarios: birth (2025), marriage (2018), business (2025), and an
//! office in a province the tables do not know.

use motcua_core::scenario::*;

use super::{at, component, field, flaw, meta, office, plan, procedure, scenario, t};

/// Birth registration under the 2025 rules, at a ward of Hà Nội.
pub fn birth_2025() -> Scenario {
    use Attr::*;
    use Party::*;
    let components = vec![
        component(
            "to-khai",
            "Tờ khai đăng ký khai sinh",
            CopyKind::BanChinh,
            true,
            false,
            &[
                ("Họ tên người yêu cầu", Applicant, Name),
                ("Số định danh người yêu cầu", Applicant, IdNumber),
                ("Họ tên trẻ", Child, Name),
                ("Ngày sinh", Child, BirthDate),
                ("Giới tính", Child, Gender),
                ("Họ tên mẹ", Mother, Name),
                ("Họ tên cha", Father, Name),
                ("Nơi cư trú", Applicant, Address),
            ],
        ),
        component(
            "giay-chung-sinh",
            "Giấy chứng sinh",
            CopyKind::BanChinh,
            true,
            false,
            &[
                ("Họ tên mẹ", Mother, Name),
                ("Ngày sinh", Child, BirthDate),
                ("Nơi sinh", Child, BirthPlace),
            ],
        ),
        component(
            "cccd",
            "Căn cước người yêu cầu",
            CopyKind::BanSao,
            true,
            false,
            &[
                ("Số định danh", Applicant, IdNumber),
                ("Ngày sinh", Applicant, BirthDate),
                ("Quê quán", Applicant, BirthPlace),
                ("Có giá trị đến", Applicant, IdExpiry),
            ],
        ),
        component(
            "cu-tru",
            "Xác nhận cư trú",
            CopyKind::BanDienTu,
            true,
            true,
            &[("Nơi thường trú", Mother, Address)],
        ),
        component(
            "van-ban-uy-quyen",
            "Văn bản ủy quyền",
            CopyKind::BanChinh,
            false,
            false,
            &[("Người ủy quyền", Mother, Name)],
        ),
    ];
    let flaws = vec![
        flaw(
            "thieu-giay-chung-sinh",
            FlawKind::Missing,
            Some("giay-chung-sinh"),
            None,
            FlawResponse::Supplement,
        ),
        flaw(
            "sai-ten-me",
            FlawKind::Mismatch,
            Some("giay-chung-sinh"),
            Some(field(Mother, Name)),
            FlawResponse::Supplement,
        ),
        flaw(
            "sai-ngay-sinh",
            FlawKind::Mismatch,
            Some("to-khai"),
            Some(field(Child, BirthDate)),
            FlawResponse::Supplement,
        ),
        flaw(
            "to-khai-chua-ky",
            FlawKind::Unsigned,
            Some("to-khai"),
            None,
            FlawResponse::Supplement,
        ),
        flaw(
            "cccd-mo",
            FlawKind::Illegible,
            Some("cccd"),
            None,
            FlawResponse::Supplement,
        ),
        flaw(
            "cccd-het-han",
            FlawKind::Expired,
            Some("cccd"),
            Some(field(Applicant, IdExpiry)),
            FlawResponse::Supplement,
        ),
        flaw(
            "ngoai-dia-ban",
            FlawKind::OutOfJurisdiction,
            None,
            Some(field(Mother, Address)),
            FlawResponse::Refuse,
        ),
    ];
    let scripted = vec![ScriptedDossier {
        id: Some("chi-lan".into()),
        at: DayTime {
            day: 2,
            time: t(8, 10),
        },
        procedure: "1.001193".into(),
        channel: Channel::Counter,
        flaws: vec!["thieu-giay-chung-sinh".into(), "sai-ngay-sinh".into()],
        other_commune: false,
        result_channel: None,
        deadline: None,
        verification_days: None,
    }];
    scenario(
        meta("khai-sinh-thu", RuleSet::R2025, at(2026, 3, 2, 7, 30), 3),
        office("Thành phố Hà Nội", Some("Phường Hoàn Kiếm")),
        vec![procedure(
            "1.001193",
            "Đăng ký khai sinh",
            components,
            flaws,
        )],
        plan(16, 0.5, 0.7, scripted),
    )
}

/// The birth registration at 40 dossiers over 3 days, the layout tests' scenario: one
/// procedure whose two flaws (a missing birth certificate, a mismatched mother's name)
/// can both be planted.
pub fn birth_2025_layout() -> Scenario {
    let mut s = birth_2025();
    s.dossiers.count = 40;
    s.dossiers.scripted.clear();
    s.events.clear();
    s.meta.working_days = 3;
    s.dossiers.result_by_post = 0.3;
    s
}

/// Marriage registration under the 2018 rules (districts, 63 provinces), in Nghệ An.
pub fn marriage_2018() -> Scenario {
    use Attr::*;
    use Party::*;
    let components = vec![
        component(
            "to-khai",
            "Tờ khai đăng ký kết hôn",
            CopyKind::BanChinh,
            true,
            false,
            &[
                ("Họ tên bên nam/nữ", Applicant, Name),
                ("Ngày sinh", Applicant, BirthDate),
                ("Giới tính", Applicant, Gender),
                ("Họ tên bên kia", Spouse, Name),
                ("Ngày sinh bên kia", Spouse, BirthDate),
                ("Dân tộc", Spouse, Ethnicity),
                ("Nơi cư trú", Applicant, Address),
            ],
        ),
        component(
            "cmnd",
            "Giấy tờ tùy thân hai bên",
            CopyKind::BanSao,
            true,
            false,
            &[
                ("Số CCCD", Applicant, IdNumber),
                ("Có giá trị đến", Applicant, IdExpiry),
                ("Số CCCD bên kia", Spouse, IdNumber),
                ("Có giá trị đến bên kia", Spouse, IdExpiry),
                ("Ngày cấp", Spouse, IdIssueDate),
            ],
        ),
        component(
            "xac-nhan-hon-nhan",
            "Giấy xác nhận tình trạng hôn nhân",
            CopyKind::BanChinh,
            true,
            false,
            &[
                ("Họ tên", Spouse, Name),
                ("Nơi cư trú", Spouse, Address),
                ("Điện thoại", Spouse, Phone),
            ],
        ),
    ];
    let mut under_a = flaw(
        "chua-du-tuoi",
        FlawKind::Underage,
        None,
        Some(field(Applicant, BirthDate)),
        FlawResponse::Refuse,
    );
    under_a.min_age = Some(MinAge {
        male: 20,
        female: 18,
    });
    let mut under_s = flaw(
        "ben-kia-chua-du-tuoi",
        FlawKind::Underage,
        None,
        Some(field(Spouse, BirthDate)),
        FlawResponse::Refuse,
    );
    under_s.min_age = Some(MinAge {
        male: 20,
        female: 18,
    });
    under_s.weight = 2;
    let flaws = vec![
        under_a,
        under_s,
        flaw(
            "cccd-het-han",
            FlawKind::Expired,
            Some("cmnd"),
            Some(field(Spouse, IdExpiry)),
            FlawResponse::Supplement,
        ),
        flaw(
            "sai-ngay-sinh",
            FlawKind::Mismatch,
            Some("to-khai"),
            Some(field(Spouse, BirthDate)),
            FlawResponse::Supplement,
        ),
        flaw(
            "sai-so-dien-thoai",
            FlawKind::Mismatch,
            Some("xac-nhan-hon-nhan"),
            Some(field(Spouse, Phone)),
            FlawResponse::Supplement,
        ),
        flaw(
            "thieu-xac-nhan",
            FlawKind::Missing,
            Some("xac-nhan-hon-nhan"),
            None,
            FlawResponse::Supplement,
        ),
        flaw(
            "ngoai-dia-ban",
            FlawKind::OutOfJurisdiction,
            None,
            Some(field(Applicant, Address)),
            FlawResponse::Refuse,
        ),
    ];
    scenario(
        meta("ket-hon-thu", RuleSet::R2018, at(2019, 10, 7, 7, 30), 2),
        office("Tỉnh Nghệ An", None),
        vec![procedure("1.000894", "Đăng ký kết hôn", components, flaws)],
        plan(14, 0.6, 0.3, Vec::new()),
    )
}

/// An office in a province the tables do not know: the generator must still work.
pub fn unknown_province() -> Scenario {
    let mut s = birth_2025();
    s.meta.id = "tinh-la".into();
    s.office.province = "Tỉnh Hà Tây".into();
    s.office.commune = None;
    s
}
