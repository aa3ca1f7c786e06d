//! The training score by step: how many dossiers each step counted in and was done
//! right in, what the mistakes cost beyond their steps, and the sum.

use motcua_core::score::Debrief;
use motcua_i18n::Lang;
use motcua_i18n::t;

use super::super::labels;
use super::Section;

pub(super) fn section(lang: Lang, d: &Debrief) -> Section {
    let s = &d.training;
    let title = t!(lang, "debrief.steps");
    if s.possible <= 0.0 {
        return Section {
            title,
            lines: vec![t!(lang, "debrief.no_work")],
        };
    }
    let mut lines: Vec<String> = s
        .steps
        .iter()
        .map(|line| {
            let name = labels::step(lang, line.step);
            let weight = labels::points(lang, line.weight);
            t!(
                lang,
                "debrief.step_line",
                name = name,
                done = line.done,
                counted = line.counted,
                weight = weight
            )
        })
        .collect();
    for c in &s.costs {
        let title = labels::mistake_title(lang, c.code);
        let points = labels::points(lang, c.points);
        lines.push(t!(
            lang,
            "debrief.cost_line",
            code = c.code.key(),
            title = title,
            count = c.count,
            points = points
        ));
    }
    let (earned, possible) = (
        labels::points(lang, s.earned),
        labels::points(lang, s.possible),
    );
    let total = labels::points(lang, s.total);
    lines.push(t!(
        lang,
        "debrief.points_total",
        earned = earned,
        possible = possible,
        total = total
    ));
    Section { title, lines }
}
