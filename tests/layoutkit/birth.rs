//! docs/generator.md step 7 for a birth registration (two-level map, a province-wide
//! jurisdiction decided by the mother's address): the dossier as the documents stream
//! of dossier `k` writes it, as values the papers show.

use chrono::NaiveDate;
use motcua::generate::{Gender, Origin};
use motcua::scenario::{Attr, Channel, CopyKind, Flaw, FlawKind, Party, Procedure};

use super::cast::{self, Family, Person};
use super::people::{self, expiry};
use super::places::{Addr, Desk, Spot};
use super::stream::Draw;
use super::typo;

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
    pub home: Addr,
    pub papers: Vec<Paper>,
}

fn shown(p: &Person, home: &Addr) -> Values {
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

/// The documents of a birth-registration dossier planned with `flaws`.
pub fn dossier(
    d: &mut Draw,
    procedure: &Procedure,
    desk: &Desk,
    (channel, today): (Channel, NaiveDate),
    flaws: &[&Flaw],
) -> Expected {
    let has = |k: FlawKind| flaws.iter().any(|f| f.kind == k);
    // Placement: province level, one deciding party (the mother): no draw.
    let mother_at = if has(FlawKind::OutOfJurisdiction) {
        (desk.elsewhere(d), Spot::Any)
    } else {
        (desk.province, Spot::Any)
    };
    let mut family = cast::family(d, today, desk, mother_at);
    for f in flaws {
        assert_ne!(f.kind, FlawKind::Underage, "no underage flaw here");
        if f.kind == FlawKind::Expired {
            expire_applicant(d, &mut family, today);
        }
    }
    let home = family.homes[0].addr.clone();
    let applicant = if family.applicant_is_father {
        &family.father
    } else {
        &family.mother
    };
    let parties = vec![
        (Party::Applicant, shown(applicant, &home)),
        (Party::Child, shown(&family.child, &home)),
        (Party::Mother, shown(&family.mother, &home)),
        (Party::Father, shown(&family.father, &home)),
    ];
    let mut papers = submitted(d, procedure, channel, flaws, &parties);
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
                slot.3 = slip(d, &family, field.party, field.attr, today);
            }
            _ => {}
        }
    }
    Expected {
        parties,
        home,
        papers,
    }
}

/// The applicant's card expired at 25, 40 or 60 (`pick` of the ages in 18–75).
fn expire_applicant(d: &mut Draw, family: &mut Family, today: NaiveDate) {
    let change = *d.pick(&[25, 40, 60]);
    let person = family.applicant();
    let (birth, issued) = people::expired_card(d, today, change);
    person.birth = birth;
    person.id = people::cccd(d, &person.code.clone(), person.gender, birth);
    person.issued = Some(issued);
    person.tax = person.id.clone();
}

fn slip(d: &mut Draw, family: &Family, party: Party, attr: Attr, today: NaiveDate) -> String {
    let person = match party {
        Party::Mother => &family.mother,
        Party::Father => &family.father,
        Party::Child => &family.child,
        _ if family.applicant_is_father => &family.father,
        _ => &family.mother,
    };
    match attr {
        Attr::Name => typo::name_slip(d, &person.name.full()),
        Attr::BirthDate => typo::birth_date_slip(d, person.birth, today)
            .format("%d/%m/%Y")
            .to_string(),
        other => panic!("no slip of {other:?} in this scenario"),
    }
}

/// The components handed in, in the procedure's order, with pages and fields.
fn submitted(
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
                .any(|f| f.component.as_ref() == Some(&c.id) && kind.is_none_or(|k| f.kind == k))
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
            id: c.id.clone(),
            origin,
            pages,
            legible: true,
            signed: true,
            fields,
        });
    }
    out
}
