//! Catalogue labels of the core's codes.

use chrono::NaiveDateTime;

use motcua_core::calendar::WorkCalendar;
use motcua_core::scenario::StepKind;
use motcua_core::scenario::{Party, Procedure, Scenario};
use motcua_core::score::panel::NotAssessed;
use motcua_core::score::{Grade, IndicatorId, MistakeCode, Outcome};
use motcua_core::session::{Rejection, Status};
use motcua_i18n::Lang;
use motcua_i18n::t;

/// The training score's grade name.
pub fn grade(lang: Lang, g: Grade) -> String {
    t!(lang, &format!("grade.{}", g.key()))
}

/// The grade's name with its key in brackets, as instructors' views print it:
/// `Khá [kha]`, so a name in either language leads back to the stable key.
pub fn grade_with_code(lang: Lang, g: Grade) -> String {
    format!("{} [{}]", grade(lang, g), g.key())
}

/// A mistake's name in `lang` with its code in brackets: `Tiếp nhận hồ sơ chưa đầy
/// đủ, chưa hợp lệ [accepted-incomplete]`; the code alone (`[code]`) when this
/// motcua does not know it (a record from a newer one).
pub fn mistake_with_code(lang: Lang, code: &str) -> String {
    match MistakeCode::from_key(code) {
        Some(c) => format!("{} [{code}]", mistake_title(lang, c)),
        None => format!("[{code}]"),
    }
}

/// A step of the training score.
pub fn step(lang: Lang, k: StepKind) -> String {
    t!(lang, &format!("step.{}", k.key()))
}

/// A QĐ 766 indicator's name (without its number).
pub fn indicator(lang: Lang, id: IndicatorId) -> String {
    t!(lang, &format!("indicator.{}", id.key()))
}

pub fn not_assessed(lang: Lang, why: NotAssessed) -> String {
    let key = match why {
        NotAssessed::NotSimulated => "not-simulated",
        NotAssessed::NoDossiers => "no-dossiers",
    };
    t!(lang, &format!("not_assessed.{key}"))
}

/// A ratio as a percentage with two decimals, as the Portal shows it.
pub fn percent(lang: Lang, ratio: f64) -> String {
    let s = format!("{:.2}%", ratio * 100.0);
    match lang {
        Lang::Vi => s.replace('.', ","),
        Lang::En => s,
    }
}

pub fn status(lang: Lang, s: Status) -> String {
    t!(lang, &format!("status.{}", s.key()))
}

pub fn rejection(lang: Lang, r: &Rejection) -> String {
    rejection_code(lang, r.code())
}

/// A rule's refusal by its code (`Rejection::code`), as records keep it.
pub fn rejection_code(lang: Lang, code: &str) -> String {
    t!(lang, &format!("rejection.{code}"))
}

/// A logged action the rules refused when its log was replayed, in the words of the
/// catalogue entry `key` (`{seq}`, `{action}`, `{reason}`): `import` and `class` refuse
/// an attempt for it alike, each in its own words.
pub fn refused_action(lang: Lang, key: &str, seq: u64, action: &str, rejection: &str) -> String {
    t!(
        lang,
        key,
        seq = seq,
        action = self::action(lang, action),
        reason = rejection_code(lang, rejection)
    )
}

pub fn action(lang: Lang, name: &str) -> String {
    t!(lang, &format!("action.{name}"))
}

pub fn mistake_title(lang: Lang, code: MistakeCode) -> String {
    t!(lang, &format!("mistake.{}.title", code.key()))
}

pub fn mistake_right(lang: Lang, code: MistakeCode) -> String {
    t!(lang, &format!("mistake.{}.right", code.key()))
}

pub fn mistake_why(lang: Lang, code: MistakeCode) -> String {
    t!(lang, &format!("mistake.{}.why", code.key()))
}

pub fn outcome(lang: Lang, o: Outcome) -> String {
    let key = match o {
        Outcome::Returned => "returned",
        Outcome::Processed => "processed",
        Outcome::Refused => "refused",
        Outcome::Stopped => "stopped",
        Outcome::Withdrawn => "withdrawn",
        Outcome::Processing => "processing",
        Outcome::Transferred => "transferred",
        Outcome::AwaitingSupplement => "awaiting-supplement",
        Outcome::Waiting => "waiting",
    };
    t!(lang, &format!("outcome.{key}"))
}

/// `dd/mm/yyyy HH:MM`, as Vietnamese offices write it (both languages).
pub fn moment(t: NaiveDateTime) -> String {
    t.format("%d/%m/%Y %H:%M").to_string()
}

/// Office minutes of a working day (07:30–11:30 and 13:30–17:00 give 450).
pub fn office_day_minutes(calendar: &WorkCalendar) -> u64 {
    let minutes: i64 = calendar
        .hours
        .spans
        .iter()
        .map(|s| (s.to - s.from).num_minutes())
        .sum();
    u64::try_from(minutes).unwrap_or(0).max(1)
}

/// Office time as the queue and the timeline show it: whole working days from one
/// office day of `day_minutes` up (`2 ngày`), else hours and minutes (`3g05`, `3h05`).
pub fn office_time(lang: Lang, minutes: u64, day_minutes: u64) -> String {
    let day = day_minutes.max(1);
    if minutes >= day {
        t!(lang, "duration.days", n = minutes / day)
    } else {
        let m = format!("{:02}", minutes % 60);
        t!(lang, "duration.hours", h = minutes / 60, m = m)
    }
}

/// A score with one decimal, comma in Vietnamese (`87,5`), point in English.
pub fn points(lang: Lang, x: f64) -> String {
    let s = if (x - x.round()).abs() < 1e-9 {
        format!("{x:.0}")
    } else {
        format!("{x:.1}")
    };
    match lang {
        Lang::Vi => s.replace('.', ","),
        Lang::En => s,
    }
}

/// How `procedure` names `party` ("Chủ sở hữu chỗ ở"), else the general label.
pub fn party(lang: Lang, procedure: &Procedure, party: Party) -> String {
    let own = match lang {
        Lang::En => procedure.party_labels_en.get(&party),
        Lang::Vi => procedure.party_labels.get(&party),
    };
    own.cloned()
        .unwrap_or_else(|| t!(lang, &format!("tui.party.{}", party.key())))
}

/// The procedure's name in the user's language.
pub fn procedure_name(lang: Lang, p: &Procedure) -> String {
    match (lang, &p.name_en) {
        (Lang::En, Some(en)) => en.clone(),
        _ => p.name.clone(),
    }
}

/// A flaw's explanation in the user's language, when the scenario has one.
pub fn flaw_explain(lang: Lang, s: &Scenario, procedure: &str, flaw: &str) -> Option<String> {
    let f = s.procedure(procedure)?.flaw(flaw)?;
    Some(match (lang, &f.explain_en) {
        (Lang::En, Some(en)) => en.clone(),
        _ => f.explain.clone(),
    })
}

/// Why a scenario is suggested next (`motcua progress`, the TUI library).
pub fn suggestion_reason(lang: Lang, r: motcua_store::store::SuggestionReason) -> String {
    t!(lang, &format!("store.suggest.{}", r.key()))
}
