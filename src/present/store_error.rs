//! Store errors in the user's language (the CLI's and the TUI's): what is wrong and what to do. Nothing is
//! changed in a database that is locked, read-only, newer or damaged.

use motcua_i18n::Lang;
use motcua_i18n::t;
use motcua_store::store::StoreError;

pub fn render(lang: Lang, e: &StoreError) -> String {
    let key = format!("store.error.{}", e.key());
    match e {
        StoreError::Locked { path }
        | StoreError::ReadOnly { path }
        | StoreError::Foreign { path }
        | StoreError::NotSqlite { path }
        | StoreError::WalLost { path }
        | StoreError::Missing { path }
        | StoreError::Full { path } => t!(lang, &key, path = path.display()),
        StoreError::TooNew {
            path,
            found,
            supported,
        } => t!(
            lang,
            &key,
            path = path.display(),
            found = found,
            supported = supported
        ),
        StoreError::Corrupt { path, detail } | StoreError::Sqlite { path, detail } => {
            t!(lang, &key, path = path.display(), detail = detail)
        }
        StoreError::Io { path, source } => {
            t!(lang, &key, path = path.display(), detail = source)
        }
        StoreError::NoDataDir => t!(lang, &key),
        StoreError::Damaged { attempt } => t!(lang, &key, attempt = attempt),
        StoreError::NoSuchAttempt(id)
        | StoreError::AttemptClosed(id)
        | StoreError::NotFinal(id) => {
            t!(lang, &key, attempt = id)
        }
        StoreError::OutOfSequence {
            attempt,
            expected,
            found,
        } => t!(
            lang,
            &key,
            attempt = attempt,
            expected = expected,
            found = found
        ),
        StoreError::BadAction {
            attempt,
            seq,
            detail,
        } => t!(lang, &key, attempt = attempt, seq = seq, detail = detail),
        StoreError::Unreplayable { attempt, detail } => {
            t!(lang, &key, attempt = attempt, detail = detail)
        }
        StoreError::EmptyTrainee => t!(lang, &key),
        StoreError::BadName(problem) => name_problem(lang, &t!(lang, "name.trainee"), problem),
    }
}

/// Why a name is refused, and what to write instead.
pub fn name_problem(
    lang: Lang,
    name: &str,
    problem: &motcua_store::sanitize::NameProblem,
) -> String {
    use motcua_store::sanitize::NameProblem;
    let key = format!("name.{}", problem.key());
    match problem {
        NameProblem::Empty => t!(lang, &key, name = name),
        NameProblem::Control { code, at } => t!(
            lang,
            &key,
            name = name,
            code = NameProblem::code_point(*code),
            at = at
        ),
        NameProblem::TooLong { chars, limit } => {
            t!(lang, &key, name = name, chars = chars, limit = limit)
        }
    }
}
