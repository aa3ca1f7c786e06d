//! What a dossier's plan asks of its cast: the parties it mentions, their minimum
//! ages, where each must live (inside the desk's area, in another commune, in another
//! province) and which relations it rules out. The deciding parties of a sound
//! dossier include one inside the area; those of an out-of-jurisdiction one are all
//! outside it; those of a dossier to transfer all live in other communes of the province.

use crate::scenario::{Condition, Flaw, FlawKind, Geography, Level, MinAge, Party, Procedure};

use super::dossier::Gender;
use super::rng::SimRng;

/// Where a party must live for the dossier to be what its plan says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// Inside the desk's area: its commune, or its province at province level.
    Desk,
    /// In the desk's province, in another commune.
    OtherCommune,
    /// In another province.
    OtherProvince,
    /// Wherever people live: mostly in the desk's province.
    Anywhere,
}

/// What the procedure and the plan ask of the cast.
#[derive(Debug, Clone, Default)]
pub(crate) struct Needs {
    /// Parties the dossier mentions.
    pub parties: PartySet,
    /// Minimum ages a procedure checks (from its `underage` flaws).
    pub min_age: PartyMap<MinAge>,
    /// Where parties must live; those not listed live anywhere.
    pub place: PartyMap<Place>,
    /// The level competence is judged at.
    pub level: Option<Level>,
    /// Parties whose relation must not be a parent, spouse or child.
    pub not_close: PartySet,
    /// The business must be in a trade that needs a certificate.
    pub conditional_trade: bool,
}

/// A set of parties as bits (ten parties): each of a procedure's fields adds its
/// party, so this is filled some thirty times per dossier.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct PartySet(u32);

impl PartySet {
    pub fn insert(&mut self, p: Party) {
        self.0 |= 1 << p as u32;
    }
    pub fn contains(&self, p: &Party) -> bool {
        self.0 & (1 << *p as u32) != 0
    }
}

/// A value per party, in an array indexed by party: a dossier fills a few, and a
/// tree would allocate for them on every dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PartyMap<T: Copy>([Option<T>; Party::ALL.len()]);

impl<T: Copy> Default for PartyMap<T> {
    fn default() -> Self {
        PartyMap([None; Party::ALL.len()])
    }
}

impl<T: Copy> PartyMap<T> {
    pub fn get(&self, p: &Party) -> Option<&T> {
        self.0[*p as usize].as_ref()
    }
    pub fn contains_key(&self, p: &Party) -> bool {
        self.0[*p as usize].is_some()
    }
    pub fn insert(&mut self, p: Party, value: T) {
        self.0[p as usize] = Some(value);
    }
    /// The parties set, in `Party` order (as a `BTreeMap` would give them).
    pub fn iter(&self) -> impl Iterator<Item = (Party, &T)> {
        Party::ALL
            .iter()
            .zip(&self.0)
            .filter_map(|(&p, v)| Some((p, v.as_ref()?)))
    }
    pub fn values(&self) -> impl Iterator<Item = &T> {
        self.0.iter().flatten()
    }
    pub fn len(&self) -> usize {
        self.values().count()
    }
}

impl Extend<Party> for PartySet {
    fn extend<I: IntoIterator<Item = Party>>(&mut self, parties: I) {
        parties.into_iter().for_each(|p| self.insert(p));
    }
}

impl Needs {
    pub fn min_for(&self, party: Party, gender: Gender) -> u32 {
        self.min_age.get(&party).map_or(0, |m| match gender {
            Gender::Male => m.male,
            Gender::Female => m.female,
        })
    }

    pub fn place_of(&self, party: Party) -> Place {
        self.place.get(&party).copied().unwrap_or(Place::Anywhere)
    }
}

/// Chance that each deciding party of a sound dossier lives inside the area (at least
/// one always does): most parents live together, some spouses-to-be apart.
const AT_DESK: f64 = 0.75;
/// Chance that a deciding party living away from the desk's commune stays in the province.
const SAME_PROVINCE: f64 = 0.7;

/// How the dossier stands towards the desk's competence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Route {
    /// Sound: some deciding party inside the area.
    Here,
    /// A boundary-free dossier from another commune of the province.
    Transfer,
}

pub(crate) fn needs(
    rng: &mut SimRng,
    procedure: &Procedure,
    planted: &[&Flaw],
    route: Route,
    geography: Geography,
) -> Needs {
    let mut needs = Needs::default();
    needs.parties.insert(Party::Applicant);
    for component in &procedure.components {
        for spec in &component.fields {
            needs.parties.insert(spec.source.party);
        }
    }
    for flaw in &procedure.flaws {
        let Some(field) = flaw.field else { continue };
        needs.parties.insert(field.party);
        if let (FlawKind::Underage, Some(min)) = (flaw.kind, flaw.min_age) {
            needs.min_age.insert(field.party, min);
        }
    }
    let forced = conditions(procedure, planted);
    for &(party, condition) in &forced {
        match condition {
            Condition::NotCloseRelative => {
                needs.not_close.insert(party);
            }
            Condition::ConditionalTrade => needs.conditional_trade = true,
            Condition::NonResident => {}
        }
    }
    let away: Vec<Party> = forced
        .iter()
        .filter(|(_, c)| *c == Condition::NonResident)
        .map(|(p, _)| *p)
        .collect();
    let Some(j) = &procedure.jurisdiction else {
        return needs;
    };
    needs.level = Some(j.level);
    let mut deciding: Vec<Party> = j.by.iter().map(|f| f.party).collect();
    deciding.dedup();
    needs.parties.extend(deciding.iter().copied());
    let free = j.boundary_free && geography == Geography::TwoLevels;
    let out_of_jurisdiction = planted
        .iter()
        .any(|f| f.kind == FlawKind::OutOfJurisdiction);
    let away_from = |rng: &mut SimRng, refuse: bool| match j.level {
        Level::Province => Place::OtherProvince,
        // A boundary-free desk refuses only dossiers from outside the province.
        Level::Commune if refuse && free => Place::OtherProvince,
        Level::Commune if rng.chance(SAME_PROVINCE) => Place::OtherCommune,
        Level::Commune => Place::OtherProvince,
    };
    if out_of_jurisdiction {
        for &p in &deciding {
            let place = away_from(rng, true);
            needs.place.insert(p, place);
        }
    } else if route == Route::Transfer && free {
        for &p in &deciding {
            needs.place.insert(p, Place::OtherCommune);
        }
    } else {
        let single = deciding.len() == 1;
        for &p in &deciding {
            let stays = !away.contains(&p) && (single || rng.chance(AT_DESK));
            let place = if stays {
                Place::Desk
            } else {
                away_from(rng, false)
            };
            needs.place.insert(p, place);
        }
        let someone_here = needs.place.values().any(|p| *p == Place::Desk);
        if !someone_here {
            let free_to_stay: Vec<Party> = deciding
                .iter()
                .copied()
                .filter(|p| !away.contains(p))
                .collect();
            if let Some(&p) = rng.pick(&free_to_stay) {
                needs.place.insert(p, Place::Desk);
            }
        }
    }
    for p in away {
        if !deciding.contains(&p) {
            let place = away_from(rng, false);
            needs.place.insert(p, place);
        }
    }
    needs
}

/// Conditions the planted flaws need true: a flaw on a conditional paper (missing,
/// or wrong) is there only where the condition asks for the paper.
fn conditions(procedure: &Procedure, planted: &[&Flaw]) -> Vec<(Party, Condition)> {
    planted
        .iter()
        .filter_map(|f| procedure.component(f.component.as_deref()?)?.required_if)
        .map(|c| (c.party, c.condition))
        .collect()
}

/// Whether a conditional component's condition can be made to hold in a sound dossier.
pub(crate) fn forcible(procedure: &Procedure, party: Party, condition: Condition) -> bool {
    match condition {
        Condition::NotCloseRelative | Condition::ConditionalTrade => true,
        Condition::NonResident => procedure.jurisdiction.as_ref().is_some_and(|j| {
            let deciding: Vec<Party> = j.by.iter().map(|f| f.party).collect();
            !deciding.contains(&party) || deciding.iter().any(|p| *p != party)
        }),
    }
}
