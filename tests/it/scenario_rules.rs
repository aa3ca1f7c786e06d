//! The validation rules one by one, through `scenario::load_str`: each code
//! where it belongs, none for the valid files, and the near misses that must pass.
//! The rules of the desk's area and jurisdiction are in `scenario_rules_area.rs`.

use motcua_core::scenario::{self, DiagCode, builtin};

use crate::support::rules::{
    EVERY_KEY, MINIMAL, SCRIPTED, codes, diags, event, only, plus, scripted, valid, with,
};

mod references;
mod shape;
mod values;
