//! docs/generator.md step 7, parts 7–9: declared data, components handed in, and the
//! component-level flaws, as the values papers show.

use chrono::NaiveDate;
use motcua_core::generate::{Gender, Origin};
use motcua_core::scenario::{Attr, Channel, CopyKind, Flaw, FlawKind, Party, Procedure};

use super::cast::Person;
use super::people::expiry;
use super::places::Addr;
use super::stream::Draw;

/// A party's values, in attribute order, as papers show them.
pub type Values = Vec<(Attr, String)>;

pub struct Paper {
    pub id: String,
    pub origin: Origin,
    pub pages: u32,
    pub legible: bool,
    pub signed: bool,
    /// Label, source and the value shown.
    pub fields: Vec<(String, Party, Attr, String)>,
}

pub struct Expected {
    pub parties: Vec<(Party, Values)>,
    /// Each party's home, part by part.
    pub homes: Vec<(Party, Addr)>,
    pub papers: Vec<Paper>,
}

/// What a person's party shows (part 7).
pub fn shown(p: &Person, home: &Addr) -> Values {
    let day = |d: NaiveDate| d.format("%d/%m/%Y").to_string();
    let gender = match p.gender {
        Gender::Male => "Nam",
        Gender::Female => "Nữ",
    };
    let mut out = vec![
        (Attr::Name, p.name.full()),
        (Attr::Gender, gender.to_string()),
        (Attr::BirthDate, day(p.birth)),
        (Attr::BirthPlace, p.birth_place.clone()),
        (Attr::Nationality, "Việt Nam".to_string()),
        (Attr::Ethnicity, p.ethnicity.clone()),
        (Attr::IdNumber, p.id.clone()),
        (Attr::IdIssueDate, p.issued.map_or(String::new(), day)),
        (Attr::IdExpiry, expiry(p.birth, p.issued)),
        (Attr::Address, home.text()),
        (Attr::Phone, p.phone.clone()),
        (Attr::Email, p.email.clone()),
        (Attr::TaxCode, p.tax.clone()),
    ];
    if !p.relation.is_empty() {
        out.push((Attr::Relation, p.relation.to_string()));
    }
    out
}

/// Part 8: the components handed in, in the procedure's order, with pages and fields
/// (no component with `required_if` in the scenarios written here).
pub fn submitted(
    d: &mut Draw,
    procedure: &Procedure,
    channel: Channel,
    flaws: &[&Flaw],
    parties: &[(Party, Values)],
) -> Vec<Paper> {
    let mut out = Vec::new();
    for c in &procedure.components {
        let about = |kind: Option<FlawKind>| {
            flaws
                .iter()
                .any(|f| f.component.as_deref() == Some(&*c.id) && kind.is_none_or(|k| f.kind == k))
        };
        if about(Some(FlawKind::Missing)) {
            continue;
        }
        assert!(c.required_if.is_none(), "no conditional component here");
        let handed_in = c.required || c.in_national_db || about(None) || d.chance(0.5);
        if !handed_in {
            continue;
        }
        let origin = match (c.in_national_db, channel) {
            (true, _) => Origin::NationalDb,
            (false, Channel::Online) => Origin::Upload,
            (false, _) => Origin::Paper,
        };
        let pages = match (origin, c.copy) {
            (Origin::NationalDb, _) => 0,
            (_, CopyKind::BanChinh) => d.range(1, 3),
            (_, CopyKind::BanSao) => d.range(1, 5),
            (_, CopyKind::BanDienTu) => d.range(1, 2),
        };
        let value = |party: Party, attr: Attr| {
            let values = parties.iter().find(|(p, _)| *p == party).map(|(_, v)| v);
            let found = values.and_then(|v| v.iter().find(|(a, _)| *a == attr));
            found.map_or(String::new(), |(_, s)| s.clone())
        };
        let fields = c
            .fields
            .iter()
            .map(|s| {
                let (p, a) = (s.source.party, s.source.attr);
                (s.label.to_string(), p, a, value(p, a))
            })
            .collect();
        out.push(Paper {
            id: c.id.to_string(),
            origin,
            pages,
            legible: true,
            signed: true,
            fields,
        });
    }
    out
}

/// Part 9: the component-level flaws, in order; `slip` writes a mismatched field.
pub fn plant(
    d: &mut Draw,
    papers: &mut [Paper],
    flaws: &[&Flaw],
    mut slip: impl FnMut(&mut Draw, Party, Attr) -> String,
) {
    for f in flaws {
        let Some(paper) = papers
            .iter_mut()
            .find(|p| Some(&p.id) == f.component.as_ref())
        else {
            continue;
        };
        match f.kind {
            FlawKind::Illegible => paper.legible = false,
            FlawKind::Unsigned => paper.signed = false,
            FlawKind::Mismatch => {
                let field = f.field.expect("a mismatch names its field");
                let slot = paper
                    .fields
                    .iter_mut()
                    .find(|x| (x.1, x.2) == (field.party, field.attr))
                    .expect("the paper shows the field");
                slot.3 = slip(d, field.party, field.attr);
            }
            _ => {}
        }
    }
}
