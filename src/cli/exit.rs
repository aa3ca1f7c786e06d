//! The exit statuses of every command, in one table (README.md and docs/trainee-guide.md
//! print it; the tests use these names).
//!
//! | status | meaning |
//! |---|---|
//! | 0 | done (validate: every file valid; solve: scored 100) |
//! | 1 | invalid input or a failed check: an invalid scenario, a bad action log, solve below 100, an unreadable file, a damaged or foreign database |
//! | 2 | usage: a bad command line (clap), an unknown built-in scenario id |
//! | 3 | import refused at least one attempt |
//! | 4 | not a final score: `replay` of a log that stops before the period's end (with or without `--as-it-stands`) |
//! | 141 | standard output was closed by its reader (`| head`): the command stopped quietly |

use std::process::ExitCode;

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Done,
    Failed,
    Usage,
    Refused,
    /// An action log that stops before the period's end has no final score.
    NotFinal,
    /// The reader of standard output went away. 141 = 128 + SIGPIPE (13), the status a
    /// shell reports for `cat`, `grep` or `seq` stopped the same way: a script can tell
    /// a cut-short output from a complete one.
    ClosedPipe,
}

impl Exit {
    pub const fn code(self) -> u8 {
        match self {
            Exit::Done => 0,
            Exit::Failed => 1,
            Exit::Usage => 2,
            Exit::Refused => 3,
            Exit::NotFinal => 4,
            Exit::ClosedPipe => 141,
        }
    }

    /// Every status the program ends with (the fuzz tests accept only these; clap's own
    /// errors are `Usage`).
    pub const ALL: [Exit; 6] = [
        Exit::Done,
        Exit::Failed,
        Exit::Usage,
        Exit::Refused,
        Exit::NotFinal,
        Exit::ClosedPipe,
    ];
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        ExitCode::from(e.code())
    }
}

/// `Done` when the check held, `Failed` otherwise.
pub fn check(ok: bool) -> ExitCode {
    if ok { Exit::Done } else { Exit::Failed }.into()
}

pub fn done() -> ExitCode {
    Exit::Done.into()
}
