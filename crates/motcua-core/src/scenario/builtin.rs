//! Scenarios compiled into the binary (files under scenarios/).

/// `(file name, text)` of every built-in scenario, in curriculum order (by
/// difficulty, then by how much of the chain the trainee handles):
///
/// 1. a guided first morning: same-day birth registration;
/// 2. same-day certified copies: refusals at the desk, a fee per copy;
/// 3. temporary residence: population data reuse, a three-day limit;
/// 4. a multi-day procedure with authorisations and expired papers;
/// 5. a fully online company registration, fee 0 online plus the publication charge;
/// 6. household business registration, the whole chain up to the signature;
/// 7. refusals under the legacy (2018) rules;
/// 8. the specialist's appraisal, supplements that pause the clock, apologies;
/// 9. the exam day: a mixed queue, a day off, an outage and a rule change.
pub const FILES: &[(&str, &str)] = &[
    (
        "khai-sinh-co-ban.toml",
        include_str!("../../../../scenarios/khai-sinh-co-ban.toml"),
    ),
    (
        "chung-thuc-ban-sao.toml",
        include_str!("../../../../scenarios/chung-thuc-ban-sao.toml"),
    ),
    (
        "tam-tru.toml",
        include_str!("../../../../scenarios/tam-tru.toml"),
    ),
    (
        "ly-lich-tu-phap.toml",
        include_str!("../../../../scenarios/ly-lich-tu-phap.toml"),
    ),
    (
        "thanh-lap-doanh-nghiep.toml",
        include_str!("../../../../scenarios/thanh-lap-doanh-nghiep.toml"),
    ),
    (
        "ho-kinh-doanh.toml",
        include_str!("../../../../scenarios/ho-kinh-doanh.toml"),
    ),
    (
        "ket-hon-2018.toml",
        include_str!("../../../../scenarios/ket-hon-2018.toml"),
    ),
    (
        "giay-phep-xay-dung.toml",
        include_str!("../../../../scenarios/giay-phep-xay-dung.toml"),
    ),
    (
        "ngay-thi-tong-hop.toml",
        include_str!("../../../../scenarios/ngay-thi-tong-hop.toml"),
    ),
];
