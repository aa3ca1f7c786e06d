//! Fuzz-style properties over mutated inputs (issue 13): built-in scenarios, action
//! logs written by `motcua solve --actions-out` and results bundles written by
//! `motcua export`, mutated by bytes and lines (flips, invalid UTF-8, a BOM, lines
//! deleted, duplicated or swapped, a cut), numbers replaced by huge, negative or odd
//! values, and strings replaced (empty, over-long, control characters). Every run of
//! the real binary ends with a status from the exit table (`cli::exit::Exit`), never a
//! panic (101) or a signal, inside a wall-clock limit and an address-space limit
//! (`ulimit -v`); every scenario diagnostic names `path:line:col` inside the file.
//!
//! Case counts are small by default so CI stays fast; `MOTCUA_FUZZ_CASES=2000 cargo
//! test --release --test fuzz_inputs` runs 2,000 cases of each property
//! (docs/results.md, "Testing").

mod storekit;

use std::io::{Read, Write};
use std::path::Path;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use motcua::cli::exit::Exit;
use motcua::scenario::{self, builtin};
use proptest::prelude::*;
use proptest::sample::Index;
use storekit::*;

/// Address space a child may map (`ulimit -v`, KiB): 2 GiB, a small fraction of
/// the machine; the defects this guards against took 8 to 24 GB.
const MEMORY_KIB: u64 = 2 * 1024 * 1024;
/// Wall-clock time a child may take; a debug build checks a file in well under 1 s.
const TIME_LIMIT: Duration = Duration::from_secs(60);

/// Cases of each property: `MOTCUA_FUZZ_CASES`, else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("MOTCUA_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn config(default: u32) -> ProptestConfig {
    ProptestConfig {
        cases: cases(default),
        max_shrink_iters: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// How a bounded run of the binary ended.
struct Ran {
    status: std::process::ExitStatus,
    timed_out: bool,
    stdout: String,
    stderr: String,
}

/// The binary with `args` and `stdin`, under `ulimit -v` and killed after `TIME_LIMIT`.
fn run_bounded(args: &[&str], stdin: Vec<u8>) -> Ran {
    let mut child = clean_command("sh")
        .arg("-c")
        .arg(format!("ulimit -v {MEMORY_KIB} && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_motcua"))
        .args(args)
        .spawn()
        .expect("sh runs");
    let mut input = child.stdin.take().expect("stdin");
    // The child may stop reading early (an error): a broken pipe here is fine.
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = r.read_to_end(&mut buf);
            String::from_utf8_lossy(&buf).into_owned()
        })
    };
    let out = drain(Box::new(child.stdout.take().expect("stdout")));
    let err = drain(Box::new(child.stderr.take().expect("stderr")));
    let start = Instant::now();
    let (status, timed_out) = loop {
        if let Some(status) = child.try_wait().expect("waits") {
            break (status, false);
        }
        if start.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            break (child.wait().expect("reaped"), true);
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let _ = feeder.join();
    Ran {
        status,
        timed_out,
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
    }
}

/// The run ended on its own, in time, within memory, with a status from the table.
fn assert_bounded(what: &str, ran: &Ran) {
    let shown = || {
        let tail: String = ran.stderr.chars().take(2000).collect();
        format!("{what}: {:?}\nstderr: {tail}", ran.status)
    };
    assert!(!ran.timed_out, "over {TIME_LIMIT:?}: {}", shown());
    let code = ran.status.code();
    // No code: a signal (an abort when the address space ran out, a crash).
    assert!(code.is_some(), "ended by a signal: {}", shown());
    assert_ne!(code, Some(101), "panicked: {}", shown());
    let known: Vec<i32> = Exit::ALL.iter().map(|e| i32::from(e.code())).collect();
    assert!(
        known.contains(&code.unwrap_or(-1)),
        "status not in the table: {}",
        shown()
    );
    assert!(!ran.stderr.contains("panicked"), "{}", shown());
}

/// One change to a file.
#[derive(Debug, Clone)]
enum Mutation {
    FlipByte(Index, u8),
    Insert(Index, &'static [u8]),
    DeleteLine(Index),
    DuplicateLine(Index),
    SwapLines(Index, Index),
    Truncate(Index),
    Bom,
    Number(Index, &'static str),
    Text(Index, String),
}

/// Bytes that break UTF-8, JSON or TOML, or act on a terminal.
const INSERTS: &[&[u8]] = &[
    b"\xFF",
    b"\xC3",
    b"\xE2\x82",
    b"\xC2\x9B2J",
    b"\x1B]0;x\x07",
    b"\0",
    b"\r",
    b"\n",
    b"\"",
    b"[",
    b"}",
    b"{",
    b",",
    b"=",
    b"\xEF\xBB\xBF",
];

/// Numbers past every limit and type: u64 and i64 bounds, u32 + 1, negative, float,
/// exponent, not-a-number.
const NUMBERS: &[&str] = &[
    "18446744073709551616",
    "18446744073709551615",
    "9223372036854775808",
    "-9223372036854775808",
    "4294967296",
    "2147483648",
    "1000000000",
    "200001",
    "10001",
    "1001",
    "-1",
    "0",
    "3.5",
    "1e308",
    "-0",
    "nan",
    "99999999999999999999999999",
];

fn text_value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("x".repeat(70_000)),
        Just("Đ".repeat(600)),
        Just("=HYPERLINK(\"http://x\",\"y\")".to_string()),
        Just("\u{1b}[2J\u{9b}\u{7f}\u{202e}".to_string()),
        "[a-z0-9-]{1,12}",
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let index = any::<Index>;
    prop_oneof![
        1 => (index(), any::<u8>()).prop_map(|(i, b)| Mutation::FlipByte(i, b)),
        1 => (index(), prop::sample::select(INSERTS)).prop_map(|(i, b)| Mutation::Insert(i, b)),
        1 => index().prop_map(Mutation::DeleteLine),
        1 => index().prop_map(Mutation::DuplicateLine),
        1 => (index(), index()).prop_map(|(i, j)| Mutation::SwapLines(i, j)),
        1 => index().prop_map(Mutation::Truncate),
        1 => Just(Mutation::Bom),
        3 => (index(), prop::sample::select(NUMBERS)).prop_map(|(i, n)| Mutation::Number(i, n)),
        2 => (index(), text_value()).prop_map(|(i, t)| Mutation::Text(i, t)),
    ]
}

fn mutations() -> impl Strategy<Value = Vec<Mutation>> {
    prop::collection::vec(mutation(), 1..4)
}

/// Byte ranges of the lines (without their `\n`).
fn lines(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            out.push((start, i));
            start = i + 1;
        }
    }
    out.push((start, bytes.len()));
    out
}

/// Byte ranges of the numbers (digits with an optional leading minus sign).
fn numbers(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = if i > 0 && bytes[i - 1] == b'-' {
                i - 1
            } else {
                i
            };
            let mut end = i;
            while end < bytes.len() && bytes[end].is_ascii_digit() {
                end += 1;
            }
            out.push((start, end));
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// Byte ranges of the insides of `"…"` strings (no escapes: the built-in files and
/// the JSON motcua writes have few).
fn strings(bytes: &[u8]) -> Vec<(usize, usize)> {
    let quotes: Vec<usize> = bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'"')
        .map(|(i, _)| i)
        .collect();
    quotes.chunks_exact(2).map(|p| (p[0] + 1, p[1])).collect()
}

fn replace(bytes: &mut Vec<u8>, ranges: &[(usize, usize)], at: &Index, with: &[u8]) {
    if ranges.is_empty() {
        return;
    }
    let (start, end) = ranges[at.index(ranges.len())];
    bytes.splice(start..end, with.iter().copied());
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let len = bytes.len();
    match m {
        Mutation::FlipByte(i, b) if len > 0 => bytes[i.index(len)] ^= b | 1,
        Mutation::FlipByte(..) => {}
        Mutation::Insert(i, b) => {
            let at = i.index(len + 1);
            bytes.splice(at..at, b.iter().copied());
        }
        Mutation::DeleteLine(i) => {
            let ls = lines(bytes);
            let (s, e) = ls[i.index(ls.len())];
            bytes.drain(s..(e + 1).min(len));
        }
        Mutation::DuplicateLine(i) => {
            let ls = lines(bytes);
            let (s, e) = ls[i.index(ls.len())];
            let mut line = bytes[s..e].to_vec();
            line.push(b'\n');
            bytes.splice(s..s, line);
        }
        Mutation::SwapLines(i, j) => {
            let ls = lines(bytes);
            let (a, b) = (ls[i.index(ls.len())], ls[j.index(ls.len())]);
            let (first, second) = if a.0 <= b.0 { (a, b) } else { (b, a) };
            if first != second {
                let mut out = bytes[..first.0].to_vec();
                out.extend_from_slice(&bytes[second.0..second.1]);
                out.extend_from_slice(&bytes[first.1..second.0]);
                out.extend_from_slice(&bytes[first.0..first.1]);
                out.extend_from_slice(&bytes[second.1..]);
                *bytes = out;
            }
        }
        Mutation::Truncate(i) => bytes.truncate(i.index(len + 1)),
        Mutation::Bom => {
            bytes.splice(0..0, *b"\xEF\xBB\xBF");
        }
        Mutation::Number(i, n) => replace(bytes, &numbers(bytes), i, n.as_bytes()),
        Mutation::Text(i, t) => replace(bytes, &strings(bytes), i, t.as_bytes()),
    }
}

fn mutated(original: &[u8], ms: &[Mutation]) -> Vec<u8> {
    let mut bytes = original.to_vec();
    for m in ms {
        apply(&mut bytes, m);
    }
    bytes
}

/// `line` and `col` (1-based; the column in characters, as diagnostics count) lie in
/// `bytes`: at most one past the last line or the end of the line.
fn inside(bytes: &[u8], line: usize, col: usize) -> bool {
    // The loader drops a leading BOM before counting columns.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let ls = lines(bytes);
    if line == 0 || col == 0 || line > ls.len() {
        return false;
    }
    let (s, e) = ls[line - 1];
    let chars = String::from_utf8_lossy(&bytes[s..e]).chars().count();
    col <= chars + 1
}

/// Every `PATH:LINE:COL: error[…]` line of `stderr` points inside the file; returns
/// how many there were.
fn diagnostics_inside(path: &str, bytes: &[u8], stderr: &str) -> usize {
    let mut seen = 0;
    for l in stderr.lines() {
        let Some(rest) = l.strip_prefix(path).and_then(|r| r.strip_prefix(':')) else {
            continue;
        };
        let mut parts = rest.splitn(3, ':');
        let line = parts.next().and_then(|n| n.parse::<usize>().ok());
        let col = parts.next().and_then(|n| n.parse::<usize>().ok());
        let (Some(line), Some(col)) = (line, col) else {
            panic!("a diagnostic without line:col: {l}");
        };
        assert!(
            inside(bytes, line, col),
            "{line}:{col} is outside the file: {l}"
        );
        seen += 1;
    }
    seen
}

fn utf8(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

proptest! {
    #![proptest_config(config(24))]

    /// Through the binary: `validate` of a mutated built-in scenario.
    #[test]
    fn mutated_scenarios_through_the_binary(file in 0..builtin::FILES.len(), ms in mutations()) {
        let (name, text) = builtin::FILES[file];
        let bytes = mutated(text.as_bytes(), &ms);
        let tmp = Temp::new();
        let path = tmp.path(name);
        std::fs::write(&path, &bytes).unwrap();
        let ran = run_bounded(&["--lang", "en", "validate", utf8(&path)], Vec::new());
        assert_bounded(&format!("validate {name} {ms:?}"), &ran);
        let seen = diagnostics_inside(utf8(&path), &bytes, &ran.stderr);
        let code = ran.status.code();
        if code == Some(i32::from(Exit::Failed.code())) {
            prop_assert!(seen > 0, "exit 1 without a diagnostic: {}", ran.stderr);
        }
    }
}

proptest! {
    #![proptest_config(config(400))]

    /// In process (the loader `validate` calls): many more mutations, the same promise.
    #[test]
    fn mutated_scenarios_in_process(file in 0..builtin::FILES.len(), ms in mutations()) {
        let (name, text) = builtin::FILES[file];
        let bytes = mutated(text.as_bytes(), &ms);
        if let Err(diags) = scenario::load_bytes(name, &bytes) {
            prop_assert!(!diags.is_empty());
            for d in &diags {
                prop_assert!(inside(&bytes, d.line, d.col), "{d:?} outside, after {ms:?}");
            }
        }
    }
}

/// The log `motcua solve --actions-out` writes for the built-in scenario (made once).
fn solver_log_file() -> &'static [u8] {
    static LOG: OnceLock<Vec<u8>> = OnceLock::new();
    LOG.get_or_init(|| {
        let tmp = Temp::new();
        let path = tmp.path("solve.jsonl");
        let args = ["solve", LOG_SCENARIO, "--actions-out", utf8(&path)];
        let ran = run_bounded(&args, Vec::new());
        assert_eq!(ran.status.code(), Some(0), "{}", ran.stderr);
        std::fs::read(&path).unwrap()
    })
}

const LOG_SCENARIO: &str = "khai-sinh-co-ban";

proptest! {
    #![proptest_config(config(12))]

    /// `replay` and `record` of a mutated action log; the database stays readable.
    #[test]
    fn mutated_action_logs_through_the_binary(ms in mutations()) {
        let tmp = Temp::new();
        let log = mutated(solver_log_file(), &ms);
        let path = tmp.path("log.jsonl");
        std::fs::write(&path, &log).unwrap();
        let ran = run_bounded(&["replay", LOG_SCENARIO, "--actions", utf8(&path)], Vec::new());
        assert_bounded(&format!("replay {ms:?}"), &ran);

        let db = tmp.path("r.db");
        let record = ["--db", utf8(&db), "record", LOG_SCENARIO, "--trainee", "Fuzz"];
        let ran = run_bounded(&record, log.clone());
        assert_bounded(&format!("record {ms:?}"), &ran);
        let ran = run_bounded(&["--db", utf8(&db), "report", "--by", "attempt", "--format", "json"], Vec::new());
        assert_bounded(&format!("report after record {ms:?}"), &ran);
    }
}

/// The bundle `motcua export` writes for two finished attempts recorded by `motcua
/// record` from the solver's log, by two trainees (made once).
fn exported_bundle() -> &'static [u8] {
    static BUNDLE: OnceLock<Vec<u8>> = OnceLock::new();
    BUNDLE.get_or_init(|| {
        let tmp = Temp::new();
        let db = tmp.path("home.db");
        for trainee in ["An", "Bình"] {
            let args = [
                "--db",
                utf8(&db),
                "record",
                LOG_SCENARIO,
                "--trainee",
                trainee,
            ];
            let ran = run_bounded(&args, solver_log_file().to_vec());
            assert_eq!(ran.status.code(), Some(0), "{}", ran.stderr);
        }
        let ran = run_bounded(&["--db", utf8(&db), "export"], Vec::new());
        assert_eq!(ran.status.code(), Some(0), "{}", ran.stderr);
        assert!(ran.stdout.contains("motcua-results"));
        ran.stdout.into_bytes()
    })
}

proptest! {
    #![proptest_config(config(12))]

    /// `import` of a mutated bundle, then `report` of the database.
    #[test]
    fn mutated_bundles_through_the_binary(ms in mutations()) {
        let tmp = Temp::new();
        let bundle = mutated(exported_bundle(), &ms);
        let path = tmp.path("bundle.json");
        std::fs::write(&path, &bundle).unwrap();
        let db = tmp.path("office.db");
        let ran = run_bounded(&["--db", utf8(&db), "import", utf8(&path), "--json"], Vec::new());
        assert_bounded(&format!("import {ms:?}"), &ran);
        if ran.status.code() != Some(i32::from(Exit::Failed.code())) {
            let doc: Result<serde_json::Value, _> = serde_json::from_str(&ran.stdout);
            prop_assert!(doc.is_ok(), "--json is JSON: {}", ran.stdout);
        }
        let ran = run_bounded(&["--db", utf8(&db), "report"], Vec::new());
        assert_bounded(&format!("report after import {ms:?}"), &ran);
    }
}
