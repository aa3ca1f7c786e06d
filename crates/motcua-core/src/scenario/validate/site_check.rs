//! `site_check = { min_days, max_days }`: whole working days, the longest not
//! shorter than the shortest (E008).

use super::super::diagnostic::DiagCode;
use super::super::model::SiteCheck;
use super::super::raw::{RawSiteCheck, S};
use super::super::report::Report;
use super::{Min, int_upto};
use crate::limits;

pub(crate) fn site_check(r: &mut Report, s: &S<RawSiteCheck>) -> Option<SiteCheck> {
    let raw = s.get_ref();
    let min = raw
        .min_days
        .as_ref()
        .and_then(|v| int_upto::<u32>(r, "min_days", v, Min::Zero, limits::DEADLINE_DAYS));
    let max = raw
        .max_days
        .as_ref()
        .and_then(|v| int_upto::<u32>(r, "max_days", v, Min::Zero, limits::DEADLINE_DAYS));
    let (min_days, max_days) = (min?, max?);
    if max_days < min_days {
        let at = raw
            .max_days
            .as_ref()
            .map_or(s.span().start, |v| v.span().start);
        let args = vec![
            ("key", "max_days".to_string()),
            ("value", max_days.to_string()),
            ("expected", format!("≥ {min_days}")),
        ];
        r.push(at, DiagCode::InvalidValue, args);
        return None;
    }
    Some(SiteCheck { min_days, max_days })
}
