//! The QĐ 766 indicators of the simulated desk, each as its ratio against its
//! threshold, with points only where they are stated.

use motcua_core::score::{Indicator, Panel766};
use motcua_i18n::Lang;
use motcua_i18n::t;

use super::super::labels;
use super::Section;

pub(super) fn section(lang: Lang, panel: &Panel766) -> Section {
    let mut lines = vec![t!(lang, "debrief.panel_note")];
    lines.extend(panel.indicators.iter().map(|i| line(lang, i)));
    lines.push(t!(lang, "debrief.panel_assumptions"));
    Section {
        title: t!(lang, "debrief.panel"),
        lines,
    }
}

fn line(lang: Lang, i: &Indicator) -> String {
    let name = labels::indicator(lang, i.id);
    let ratio = match (i.ratio, i.not_assessed) {
        (Some(r), _) => {
            let mut parts = vec![t!(
                lang,
                "debrief.indicator_ratio",
                num = i.numerator,
                den = i.denominator,
                percent = labels::percent(lang, r)
            )];
            if let Some(at) = i.full_at {
                parts.push(t!(
                    lang,
                    "debrief.indicator_full_at",
                    at = labels::percent(lang, at)
                ));
            }
            parts.push(points(lang, i));
            parts.join("; ")
        }
        (None, Some(why)) => labels::not_assessed(lang, why),
        (None, None) => String::new(),
    };
    t!(
        lang,
        "debrief.indicator_line",
        id = i.id.key(),
        name = name,
        ratio = ratio
    )
}

fn points(lang: Lang, i: &Indicator) -> String {
    match (i.points, i.max_points) {
        (Some(p), Some(max)) => t!(
            lang,
            "debrief.indicator_points",
            points = labels::points(lang, p),
            max = labels::points(lang, max)
        ),
        (None, Some(max)) => t!(
            lang,
            "debrief.indicator_max_only",
            max = labels::points(lang, max)
        ),
        _ => t!(lang, "debrief.indicator_no_points"),
    }
}
