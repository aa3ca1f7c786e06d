//! A pane's scroll position. `update` moves it by keys; the view clamps it to what it
//! drew and records the content's height, so the next key knows where the end is
//! (hence the `Cell`s: drawing reads `&App`).

use std::cell::Cell;

use super::msg::Msg;

#[derive(Debug, Clone)]
pub struct Scroll {
    offset: Cell<usize>,
    /// The largest offset at the last draw (content rows − visible rows).
    max: Cell<usize>,
    /// Visible rows at the last draw: one page.
    page: Cell<usize>,
    /// Bring the selected line into view at the next draw.
    reveal: Cell<bool>,
}

impl Default for Scroll {
    fn default() -> Self {
        Scroll {
            offset: Cell::new(0),
            // Unknown until the first draw: keys move freely and the draw clamps.
            max: Cell::new(usize::MAX),
            page: Cell::new(1),
            reveal: Cell::new(false),
        }
    }
}

impl Scroll {
    pub fn offset(&self) -> usize {
        self.offset.get()
    }

    /// Move by a scrolling key (↑ ↓ PgUp PgDn Home End); `false` for any other key.
    pub fn key(&self, msg: &Msg) -> bool {
        let page = self.page.get().saturating_sub(1).max(1);
        let at = self.offset.get();
        let to = match msg {
            Msg::Up | Msg::Char('k') => at.saturating_sub(1),
            Msg::Down | Msg::Char('j') => at.saturating_add(1),
            Msg::PageUp => at.saturating_sub(page),
            Msg::PageDown => at.saturating_add(page),
            Msg::Home => 0,
            Msg::End => usize::MAX,
            _ => return false,
        };
        self.offset.set(to.min(self.max.get()));
        true
    }

    pub fn reset(&mut self) {
        *self = Scroll::default();
    }

    /// Ask the next draw to show the selected line.
    pub fn reveal(&self) {
        self.reveal.set(true);
    }

    /// At draw time: clamp to `total` rows shown `page` at a time, bring `selected`
    /// into view when asked, remember the extent, and give the first row to show.
    pub fn show(&self, total: usize, page: usize, selected: Option<usize>) -> usize {
        let max = total.saturating_sub(page);
        let mut at = self.offset.get().min(max);
        if let Some(row) = selected
            && self.reveal.replace(false)
            && (row < at || row >= at + page)
        {
            // The selected line a third of the way down, with its context below it.
            at = row.saturating_sub(page / 3).min(max);
        }
        self.offset.set(at);
        self.max.set(max);
        self.page.set(page);
        at
    }

    /// For content of unknown length (the message log, counted from its newest end):
    /// record what the draw found.
    pub fn record(&self, offset: usize, max: usize, page: usize) {
        self.offset.set(offset);
        self.max.set(max);
        self.page.set(page);
    }
}
