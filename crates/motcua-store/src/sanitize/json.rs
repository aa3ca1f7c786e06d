//! JSON for a terminal: every `--json` output, `record`'s JSON Lines and the results
//! bundle are written through here. serde_json already escapes C0 controls (`\n`,
//! `\u001b`), but writes DEL, the C1 controls (U+0080–U+009F, where U+009B is a
//! one-byte CSI) and the bidirectional overrides as they are, and a terminal acts on
//! them. Here every character `super::is_unsafe` names is written `\u00XX`: the
//! document stays valid JSON with the same values, and prints harmlessly.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

/// `value` as indented JSON with a final line break (the `--json` outputs).
pub fn pretty<T: Serialize + ?Sized>(value: &T) -> String {
    let mut text = render(value, PrettyFormatter::new());
    text.push('\n');
    text
}

/// `value` on one line, without a line break (one line of JSON Lines).
pub fn line<T: Serialize + ?Sized>(value: &T) -> String {
    render(value, CompactFormatter)
}

/// `value` as indented JSON into `out`, as it is serialised (large documents).
pub fn write_pretty<W: Write, T: Serialize + ?Sized>(out: W, value: &T) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, Safe(PrettyFormatter::new()));
    // An I/O error keeps its kind (a closed pipe stays `BrokenPipe`).
    value.serialize(&mut ser).map_err(io::Error::from)
}

fn render<T: Serialize + ?Sized, F: Formatter>(value: &T, formatter: F) -> String {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Safe(formatter));
    // Plain data with string keys always serialises; writing to a Vec cannot fail.
    if value.serialize(&mut ser).is_err() {
        return String::new();
    }
    // serde_json writes UTF-8 and the escapes are ASCII.
    String::from_utf8(out).unwrap_or_default()
}

/// A formatter that lays out as `F` does and escapes what a terminal would act on.
struct Safe<F>(F);

impl<F: Formatter> Formatter for Safe<F> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut rest = fragment;
        while let Some((i, c)) = rest.char_indices().find(|(_, c)| super::is_unsafe(*c)) {
            w.write_all(&rest.as_bytes()[..i])?;
            // Every unsafe character is in the Basic Multilingual Plane: one \uXXXX.
            write!(w, "\\u{:04x}", u32::from(c))?;
            rest = &rest[i + c.len_utf8()..];
        }
        w.write_all(rest.as_bytes())
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    #[test]
    fn controls_are_escaped_and_the_values_stay_the_same() {
        // ESC (C0), DEL, CSI (C1), NEL (C1), a right-to-left override; Vietnamese kept.
        let name = "Lê\u{1b}]0;x\u{7}\u{7f}\u{9b}2J\u{85}\u{202e}Ánh";
        let doc = json!({ "trainee": name, "list": [name] });
        for text in [pretty(&doc), line(&doc)] {
            assert!(
                !text
                    .chars()
                    .any(|c| crate::sanitize::is_unsafe(c) && c != '\n'),
                "{text:?}"
            );
            for escape in [
                "\\u001b", "\\u0007", "\\u007f", "\\u009b", "\\u0085", "\\u202e",
            ] {
                assert!(text.contains(escape), "{escape} in {text}");
            }
            assert!(text.contains("Lê") && text.contains("Ánh"));
            let back: Value = serde_json::from_str(&text).expect("still JSON");
            assert_eq!(back, doc, "same values");
        }
    }

    #[test]
    fn layout_is_serde_json_s() {
        let doc = json!({ "a": [1, 2], "b": { "c": "d" }, "e": [] });
        assert_eq!(
            pretty(&doc),
            format!("{}\n", serde_json::to_string_pretty(&doc).unwrap())
        );
        assert_eq!(line(&doc), serde_json::to_string(&doc).unwrap());
        let mut out = Vec::new();
        write_pretty(&mut out, &doc).unwrap();
        assert_eq!(out, serde_json::to_vec_pretty(&doc).unwrap());
    }
}
