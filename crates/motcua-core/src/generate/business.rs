//! Businesses: registered name, line of business, capital, tax code, contacts.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::scenario::LegalForm;

use super::places::folded;
use super::rng::{SimRng, running_sums};
use super::tables::{self, Weighted};

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct BusinessTable {
    forms: Vec<Weighted>,
    brands: Vec<String>,
    capital_millions: Vec<u64>,
    pub phone_prefixes: Vec<String>,
    email_domains: Vec<Weighted>,
    trade: Vec<Trade>,
    /// The weights of `email_domains`, filled once the table is read.
    #[serde(skip)]
    domain_weights: Vec<u64>,
}

/// Words of a trade as they appear in names, and the business lines that fit it.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct Trade {
    words: Vec<String>,
    lines: Vec<String>,
    /// Practising it needs a certificate (ngành, nghề kinh doanh có điều kiện).
    conditional: bool,
}

pub(crate) fn table() -> &'static BusinessTable {
    static TABLE: OnceLock<BusinessTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t: BusinessTable = tables::parse_or_default(tables::BUSINESS);
        t.domain_weights = running_sums(t.email_domains.iter().map(|d| d.weight));
        t
    })
}

/// What a business declares, besides its address and tax code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BusinessFacts {
    pub name: String,
    pub brand: &'static str,
    pub line: &'static str,
    pub capital: u64,
}

/// Whether a business line (as written) belongs to a trade that needs a certificate.
pub(crate) fn is_conditional_line(line: &str) -> bool {
    table()
        .trade
        .iter()
        .any(|t| t.conditional && t.lines.iter().any(|l| l == line))
}

/// A business of `legal_form` (its name starts with the form's words), or of a
/// company form drawn by how common it is; in a trade that needs a certificate when
/// `conditional` says so.
pub(crate) fn draw(
    rng: &mut SimRng,
    legal_form: Option<LegalForm>,
    conditional: bool,
) -> BusinessFacts {
    let t = table();
    let form = match legal_form {
        Some(f) => f.prefix(),
        None => {
            let weights: Vec<u32> = t.forms.iter().map(|f| f.weight).collect();
            rng.weighted_u32(&weights)
                .and_then(|i| t.forms.get(i))
                .map_or("Công ty TNHH", |f| f.name.as_str())
        }
    };
    let trades: Vec<&Trade> = t
        .trade
        .iter()
        .filter(|tr| tr.conditional || !conditional)
        .collect();
    let trade = rng.pick(&trades).copied();
    let words = trade
        .and_then(|tr| rng.pick(&tr.words))
        .map_or("Thương mại", |w| w.as_str());
    let line = trade
        .and_then(|tr| rng.pick(&tr.lines))
        .map_or("4690 - Bán buôn tổng hợp", |l| l.as_str());
    let brand = rng.pick(&t.brands).map_or("Minh Phát", |s| s.as_str());
    let millions = rng.pick(&t.capital_millions).copied().unwrap_or(500);
    BusinessFacts {
        name: format!("{form} {words} {brand}"),
        brand,
        line,
        capital: millions.saturating_mul(1_000_000),
    }
}

/// The e-mail domain of a personal address, by how common it is.
pub(crate) fn email_domain(rng: &mut SimRng) -> &'static str {
    let t = table();
    rng.weighted_sums(&t.domain_weights)
        .and_then(|i| t.email_domains.get(i))
        .map_or("gmail.com", |d| d.name.as_str())
}

/// Small firms mostly use a free mailbox named after the brand.
pub(crate) fn business_email(rng: &mut SimRng, brand: &str) -> String {
    let slug: String = folded(brand)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    match rng.below(3) {
        0 => format!("congty{slug}@gmail.com"),
        1 => format!("{slug}.ketoan@gmail.com"),
        _ => format!("lienhe.{slug}{}@gmail.com", rng.range(1, 99)),
    }
}

pub(crate) fn check_table() -> Vec<String> {
    let t: BusinessTable = match tables::parse_strict("data/business.toml", tables::BUSINESS) {
        Ok(t) => t,
        Err(e) => return vec![e],
    };
    let mut errors = Vec::new();
    let lists = [
        ("forms", t.forms.len()),
        ("brands", t.brands.len()),
        ("trade", t.trade.len()),
        ("capital_millions", t.capital_millions.len()),
        ("phone_prefixes", t.phone_prefixes.len()),
        ("email_domains", t.email_domains.len()),
    ];
    for (key, len) in lists {
        if len == 0 {
            errors.push(format!("data/business.toml: {key} is empty"));
        }
    }
    if t.trade
        .iter()
        .any(|tr| tr.words.is_empty() || tr.lines.is_empty())
    {
        errors.push("data/business.toml: a trade needs words and lines".to_string());
    }
    let carrier = |p: &String| {
        p.len() == 3
            && p.bytes().all(|b| b.is_ascii_digit())
            && ["03", "05", "07", "08", "09"].contains(&&p[..2])
    };
    if let Some(bad) = t.phone_prefixes.iter().find(|p| !carrier(p)) {
        errors.push(format!(
            "data/business.toml: phone prefix {bad} is not a mobile prefix"
        ));
    }
    errors
}
