//! Tests that need a program this machine may lack (tmux; Python for the Ralph LRS)
//! FAIL when it is missing, unless `MOTCUA_ALLOW_SKIP` names them, a comma-separated
//! list such as `MOTCUA_ALLOW_SKIP=lrs,tmux`: then they pass without checking anything
//! and say so on stderr. `.ci/run` never sets it.

/// Whether the environment allows skipping the tests that need `what` (`lrs`, `tmux`).
pub fn allowed(what: &str) -> bool {
    std::env::var("MOTCUA_ALLOW_SKIP").is_ok_and(|list| names(&list, what))
}

/// `what` is missing on this machine: fail with `why` (what is missing and how to get
/// it), unless skipping it is allowed; then say so (the caller returns).
pub fn missing(what: &str, why: &str) {
    assert!(
        allowed(what),
        "{why}; MOTCUA_ALLOW_SKIP={what} skips these tests explicitly"
    );
    eprintln!("SKIPPED: {why} (MOTCUA_ALLOW_SKIP={what})");
}

fn names(list: &str, what: &str) -> bool {
    list.split(',').any(|w| w.trim() == what)
}

#[test]
fn only_a_name_in_the_list_allows_skipping() {
    assert!(names("tmux", "tmux"));
    assert!(names("lrs, tmux", "tmux"));
    assert!(!names("lrs", "tmux"));
    assert!(!names("", "tmux"));
    // A name must be whole: `tmux2` or `1` allow nothing.
    assert!(!names("tmux2,1", "tmux"));
}
