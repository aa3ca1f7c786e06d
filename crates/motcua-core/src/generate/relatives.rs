//! Who files for whom: the relation of a proxy (the `authorized` party) to the
//! applicant, with an age, sex and surname that fit it, and the words forms use.

use crate::scenario::{CLOSE_RELATIVES, Party};

use super::cast::{Cast, Needs};
use super::dossier::Gender;
use super::ids;
use super::people::{AdultSpec, World};
use super::rng::SimRng;

/// Share of proxies who are the applicant's parent, spouse or child (no authorisation
/// needed, Luật Lý lịch tư pháp 2009, Điều 45 khoản 2).
const CLOSE_SHARE: f64 = 0.5;

/// Relations that need a written authorisation: not a parent, spouse or child.
const OTHERS: &[&str] = &[
    "Anh trai",
    "Chị gái",
    "Em trai",
    "Em gái",
    "Cháu",
    "Bạn",
    "Đồng nghiệp",
];

pub(crate) fn parent_word(gender: Gender) -> &'static str {
    match gender {
        Gender::Male => "Cha",
        Gender::Female => "Mẹ",
    }
}

/// A grandparent who files a birth for the parents.
pub(crate) fn grandparent_word(rng: &mut SimRng, gender: Gender) -> &'static str {
    match (gender, rng.chance(0.5)) {
        (Gender::Male, true) => "Ông nội",
        (Gender::Male, false) => "Ông ngoại",
        (Gender::Female, true) => "Bà nội",
        (Gender::Female, false) => "Bà ngoại",
    }
}

/// What a relation fixes about the proxy, given the applicant's age and sex.
#[derive(Debug, Clone, Copy)]
struct Shape {
    word: &'static str,
    gender: Option<Gender>,
    ages: (u32, u32),
    same_surname: bool,
}

/// The proxy who files for the applicant: a close relative about half the time
/// (never when the plan wants an authorisation missing), else someone else.
pub(crate) fn add_proxy(cast: &mut Cast, rng: &mut SimRng, world: &World, needs: &Needs) {
    let applicant = cast.person(Party::Applicant).cloned();
    let (age, gender, surname) = match &applicant {
        Some(a) => (
            ids::age_on(a.birth_date, world.today),
            a.gender,
            Some(a.name.surname),
        ),
        None => (35, Gender::Female, None),
    };
    let close = !needs.not_close.contains(&Party::Authorized) && rng.chance(CLOSE_SHARE);
    let shapes = if close {
        close_shapes(age, gender)
    } else {
        other_shapes(age)
    };
    let shape = rng.pick(&shapes).copied().unwrap_or_else(|| other(age));
    let home = cast.home_for(rng, world, needs, needs.place_of(Party::Authorized));
    let gender = shape.gender.unwrap_or(if rng.chance(0.5) {
        Gender::Female
    } else {
        Gender::Male
    });
    let spec = AdultSpec {
        gender: Some(gender),
        min_age: shape.ages.0,
        max_age: shape.ages.1.max(shape.ages.0),
        surname: surname.filter(|_| shape.same_surname),
        home,
    };
    let mut person = world.adult(rng, &cast.homes, &spec);
    person.relation = shape.word;
    cast.push(Party::Authorized, person);
}

/// Parent, spouse or child, as far as the applicant's age allows.
fn close_shapes(age: u32, gender: Gender) -> Vec<Shape> {
    let mut out = Vec::new();
    if age + 20 <= 85 {
        let ages = (age + 20, (age + 35).min(85));
        out.push(Shape {
            word: "Cha",
            gender: Some(Gender::Male),
            ages,
            same_surname: true,
        });
        out.push(Shape {
            word: "Mẹ",
            gender: Some(Gender::Female),
            ages,
            same_surname: false,
        });
    }
    if age >= 20 {
        let (word, partner) = match gender {
            Gender::Male => ("Vợ", Gender::Female),
            Gender::Female => ("Chồng", Gender::Male),
        };
        out.push(Shape {
            word,
            gender: Some(partner),
            ages: (age.saturating_sub(5).max(18), age + 8),
            same_surname: false,
        });
    }
    if age >= 38 {
        out.push(Shape {
            word: "Con",
            gender: None,
            ages: (18, age - 20),
            same_surname: gender == Gender::Male,
        });
    }
    debug_assert!(out.iter().all(|s| CLOSE_RELATIVES.contains(&s.word)));
    out
}

fn other_shapes(age: u32) -> Vec<Shape> {
    OTHERS
        .iter()
        .map(|&word| {
            let (ages, same_surname) = match word {
                "Anh trai" | "Chị gái" => ((age + 1, age + 10), true),
                "Em trai" | "Em gái" => ((age.saturating_sub(10).max(18), age.max(19) - 1), true),
                "Cháu" => ((18, age.saturating_sub(15).max(18)), false),
                _ => ((age.saturating_sub(10).max(18), age + 10), false),
            };
            let gender = match word {
                "Anh trai" | "Em trai" => Some(Gender::Male),
                "Chị gái" | "Em gái" => Some(Gender::Female),
                _ => None,
            };
            Shape {
                word,
                gender,
                ages,
                same_surname,
            }
        })
        .collect()
}

fn other(age: u32) -> Shape {
    Shape {
        word: "Bạn",
        gender: None,
        ages: (age.saturating_sub(10).max(18), age + 10),
        same_surname: false,
    }
}
