//! The queue as the desk works it, kept in the model: every dossier that has arrived,
//! open ones first (by arrival), then closed ones. Rebuilt when the session changes
//! (`App::refresh_queue`), so keys and views read one order instead of each
//! working it out again.

use crate::session::Session;

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
        for (i, _, st) in s.arrived() {
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
