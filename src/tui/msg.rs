//! What the user asked for (`Msg`) and what the loop must do about it (`Effect`).

use motcua_core::session::Action;

#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Up,
    Down,
    Left,
    Right,
    Enter,
    Back,
    Tab,
    Space,
    PageUp,
    PageDown,
    Home,
    End,
    /// Text pasted in one piece (bracketed paste): always text, never commands.
    Paste(String),
    /// A printable character: typed into a text field, or a command key.
    Char(char),
    Backspace,
    Help,
    Quit,
    /// Ctrl-C: leave at once.
    Interrupt,
    Resize(u16, u16),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Apply the trainee's action to the session (the store commits it first).
    Apply(Action),
    /// End the working days left, one `end-day` action each, then the debrief.
    EndAttempt,
    /// Continue the unfinished attempt the library offers.
    Resume,
    /// A new attempt has begun.
    Started,
    /// "Nộp bài": hand the attempt on screen in (the loop writes its bundle to the
    /// submit folder and wakes the LRS sender); an exam attempt not over ends here.
    Submit,
    Quit,
}
