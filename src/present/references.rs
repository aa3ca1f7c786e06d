//! A mistake's legal reference in words: the scenario's own citation as written,
//! or a general citation from the catalogue (`reference.<key>`).

use motcua_core::score::references::Reference;
use motcua_i18n::Lang;
use motcua_i18n::t;

/// The reference as the debrief (and, in Vietnamese, the JSON report) writes it:
/// the procedure's legal basis first, then the general citation, `; ` between.
pub fn text(lang: Lang, reference: &Reference) -> String {
    match reference {
        Reference::Written(text) => text.clone(),
        Reference::General { basis, citation } => {
            let general = t!(lang, &format!("reference.{}", citation.key()));
            basis
                .iter()
                .map(String::as_str)
                .chain(std::iter::once(general.as_str()))
                .collect::<Vec<_>>()
                .join("; ")
        }
    }
}
