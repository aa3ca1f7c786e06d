//! Scenarios compiled into the binary (files under scenarios/).

/// `(file name, text)` of every built-in scenario, in curriculum order:
/// a same-day civil-status procedure first, then a multi-day one with
/// authorisations, then refusals under the legacy (2018) rules.
pub const FILES: &[(&str, &str)] = &[
    (
        "khai-sinh-co-ban.toml",
        include_str!("../../scenarios/khai-sinh-co-ban.toml"),
    ),
    (
        "ly-lich-tu-phap.toml",
        include_str!("../../scenarios/ly-lich-tu-phap.toml"),
    ),
    (
        "ket-hon-2018.toml",
        include_str!("../../scenarios/ket-hon-2018.toml"),
    ),
    (
        "giay-phep-xay-dung.toml",
        include_str!("../../scenarios/giay-phep-xay-dung.toml"),
    ),
];
