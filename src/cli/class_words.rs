//! A class report's suspect flags and refusals in words, in the chosen language
//! (`class_render` puts them in its tables).

use crate::present::labels;
use motcua_i18n::Lang;
use motcua_i18n::t;
use motcua_store::class::Refusal;
use motcua_store::class::suspect::{Flag, FlagKind};

/// A flag in words with the evidence it rests on.
pub(super) fn flag(lang: Lang, f: &Flag) -> String {
    let evidence = t!(lang, &format!("class.evidence.{}", f.evidence));
    match f.kind {
        FlagKind::Fast => {
            let per = seconds(lang, f.seconds_per_action);
            t!(lang, "class.flag.fast", seconds = per, evidence = evidence)
        }
        FlagKind::LateBatch => t!(
            lang,
            "class.flag.late_batch",
            stored = seconds(lang, f.stored_seconds_per_action),
            seconds = seconds(lang, f.seconds_per_action),
            evidence = evidence
        ),
        FlagKind::Stdin => t!(lang, "class.flag.stdin", evidence = evidence),
        FlagKind::OtherExam => {
            let what: Vec<String> = f
                .differs
                .iter()
                .map(|d| t!(lang, &format!("class.differs.{d}")))
                .collect();
            t!(
                lang,
                "class.flag.other_exam",
                what = what.join(", "),
                evidence = evidence
            )
        }
    }
}

/// Seconds per action, two decimals, with the language's decimal mark.
fn seconds(lang: Lang, per: Option<f64>) -> String {
    let per = format!("{:.2}", per.unwrap_or_default());
    match lang {
        Lang::Vi => per.replace('.', ","),
        Lang::En => per,
    }
}

pub(super) fn refusal(lang: Lang, r: &Refusal) -> String {
    let key = format!("class.refusal.{}", r.key());
    match r {
        Refusal::UnknownScenario { sha256 } => {
            t!(
                lang,
                &key,
                sha = sha256.chars().take(12).collect::<String>()
            )
        }
        Refusal::OtherWorld { world } => t!(lang, &key, world = world),
        Refusal::BadLog { seq, detail } => t!(lang, &key, seq = seq, detail = detail),
        Refusal::NotAllowed {
            seq,
            action,
            rejection,
        } => labels::refused_action(lang, &key, *seq, action, rejection),
        Refusal::NotFinal => t!(lang, &key),
        Refusal::ScoreMismatch { claimed, replayed } => t!(
            lang,
            &key,
            claimed = labels::points(lang, *claimed),
            replayed = labels::points(lang, *replayed)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_action_names_the_action_and_the_rule_in_either_language() {
        let r = Refusal::NotAllowed {
            seq: 3,
            action: "accept".into(),
            rejection: "period-over".into(),
        };
        // class.refusal.not-allowed with action.accept and rejection.period-over.
        assert_eq!(
            refusal(Lang::En, &r),
            "action 3 (Accept (form 01)) is not allowed in the replay: The scenario's time is over."
        );
        assert_eq!(
            refusal(Lang::Vi, &r),
            "thao tác số 3 (Tiếp nhận (mẫu 01)) không được phép khi phát lại: Đã hết thời gian của kịch bản."
        );
    }
}
