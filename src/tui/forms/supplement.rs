//! Form 02: tick what must be supplemented, and the problem of each.

use motcua_core::generate::TraineeDossier;
use motcua_core::scenario::{FlawKind, Procedure};
use motcua_core::session::{Action, Item};

use super::super::msg::Msg;
use super::Outcome;

/// One line of the form: a component (or the applicant's age / residence) and a problem.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub component: Option<String>,
    pub label: String,
    pub problems: Vec<FlawKind>,
    pub problem: usize,
    pub ticked: bool,
}

#[derive(Debug, Clone)]
pub struct Supplement {
    pub dossier: String,
    pub rows: Vec<Row>,
    pub cursor: usize,
}

impl Supplement {
    /// Every component of the procedure, then the person-level problems.
    pub fn new(dossier: TraineeDossier<'_>, p: &Procedure) -> Supplement {
        // The problems a component can have, in `FlawKind` order (the model decides).
        let document_problems: Vec<FlawKind> = FlawKind::ALL
            .iter()
            .copied()
            .filter(|k| k.needs_component())
            .collect();
        let mut rows: Vec<Row> = p
            .components
            .iter()
            .map(|c| Row {
                component: Some(c.id.to_string()),
                label: c.name.clone(),
                problems: document_problems.clone(),
                // A component not handed in is most likely missing.
                problem: usize::from(dossier.component(&c.id).is_some()),
                ticked: false,
            })
            .collect();
        for kind in FlawKind::ALL
            .iter()
            .copied()
            .filter(|k| !k.needs_component())
        {
            rows.push(Row {
                component: None,
                label: String::new(),
                problems: vec![kind],
                problem: 0,
                ticked: false,
            });
        }
        Supplement {
            dossier: dossier.code.to_string(),
            rows,
            cursor: 0,
        }
    }

    pub fn update(&mut self, msg: &Msg) -> Outcome {
        let n = self.rows.len();
        match msg {
            Msg::Up => self.cursor = (self.cursor + n - 1) % n.max(1),
            Msg::Down => self.cursor = (self.cursor + 1) % n.max(1),
            Msg::Space | Msg::Char('x') => {
                if let Some(r) = self.rows.get_mut(self.cursor) {
                    r.ticked = !r.ticked;
                }
            }
            Msg::Left | Msg::Right => {
                if let Some(r) = self.rows.get_mut(self.cursor) {
                    let k = r.problems.len();
                    r.problem = if *msg == Msg::Right {
                        (r.problem + 1) % k
                    } else {
                        (r.problem + k - 1) % k
                    };
                    r.ticked = true;
                }
            }
            Msg::Enter => return self.submit(),
            Msg::Back => return Outcome::Cancel,
            _ => {}
        }
        Outcome::Stay
    }

    fn submit(&self) -> Outcome {
        let items: Vec<Item> = self
            .rows
            .iter()
            .filter(|r| r.ticked)
            .map(|r| Item {
                component: r.component.clone(),
                problem: r.problems[r.problem],
                field: None,
            })
            .collect();
        if items.is_empty() {
            return Outcome::Stay;
        }
        Outcome::Submit(Action::RequestSupplement {
            dossier: self.dossier.clone(),
            items,
        })
    }
}
