//! The queue as the desk works it, kept in the model: every dossier that has arrived,
//! open ones first (by arrival), then closed ones. Rebuilt when the session changes
//! (`App::refresh_queue`), so keys and views read one order instead of each
//! working it out again.

use super::app::App;
use motcua_core::generate::TraineeDossier;
use motcua_core::session::{DossierState, Session};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Queue {
    /// Plan indices of the arrived dossiers, in display order.
    order: Vec<usize>,
    /// How many of them are still open (they come first).
    open: usize,
}

impl Queue {
    pub fn of(s: &Session) -> Queue {
        let mut order = Vec::new();
        let mut closed = Vec::new();
        for (i, _, st) in s.arrived_seen() {
            if st.is_closed() {
                closed.push(i);
            } else {
                order.push(i);
            }
        }
        let open = order.len();
        order.extend(closed);
        Queue { order, open }
    }

    /// Plan indices in display order.
    pub fn order(&self) -> &[usize] {
        &self.order
    }

    pub fn open(&self) -> usize {
        self.open
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The plan index of the row at `row`.
    pub fn get(&self, row: usize) -> Option<usize> {
        self.order.get(row).copied()
    }

    /// The row of plan index `i`.
    pub fn row_of(&self, i: usize) -> Option<usize> {
        self.order.iter().position(|&x| x == i)
    }
}

/// The queue and its cursor, as the model keeps them.
impl App {
    /// Rebuild the queue's order after the session changed. The cursor stays on its
    /// dossier when the queue reorders (closed ones sink).
    pub fn refresh_queue(&mut self) {
        let selected = self.selected_index();
        let Some(session) = &self.session else {
            self.play.queue = Default::default();
            return;
        };
        self.play.queue = Queue::of(session);
        if let Some(row) = selected.and_then(|i| self.play.queue.row_of(i)) {
            self.play.queue_sel = row;
        }
    }

    /// The plan index of the dossier under the queue cursor.
    pub fn selected_index(&self) -> Option<usize> {
        self.play.queue.get(self.play.queue_sel)
    }

    /// The queue row of the dossier numbered `code`.
    pub fn queue_row_of(&self, code: &str) -> Option<usize> {
        let s = self.session.as_ref()?;
        let q = &self.play.queue;
        q.order().iter().position(|&i| s.code(i) == code)
    }

    /// The code of the dossier under the queue cursor.
    pub fn selected_code(&self) -> Option<&str> {
        let s = self.session.as_ref()?;
        self.selected_index().map(|i| s.code(i))
    }

    /// The dossier under the queue cursor, with its state.
    pub fn selected_dossier(&self) -> Option<(TraineeDossier<'_>, &DossierState)> {
        let s = self.session.as_ref()?;
        s.seen(self.selected_code()?)
    }
}
