//! Reading a results bundle from a file without holding it. Two passes over the file:
//! [`header`] checks `format`, `version`, `world_version` and the number of attempts while skipping
//! every attempt unread (nothing is kept), so a truncated or foreign file is refused
//! before anything is imported; [`attempts`] then hands the attempts over one at a
//! time, each action parsed straight into an [`Action`] (no JSON tree), and a
//! malformed attempt or action refuses only its attempt. The layout is the one
//! `bundle::write` writes (docs/results.md); keys may come in any order.

use std::fmt;
use std::io::{BufRead, BufReader, Read};

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::bundle::{BundleAttempt, BundleError, FORMAT, VERSION, WORLD_ONE};
use crate::store::StoreError;
use motcua_core::limits;
use motcua_core::session::WORLD_VERSION;
use motcua_core::session::action::Action;

/// A field of an attempt that is missing or of the wrong type, with what was there.
#[derive(Debug, Clone, PartialEq)]
pub struct BadField {
    pub field: &'static str,
    pub value: String,
}

/// An attempt's action log as read: the actions, or the first thing wrong with it.
#[derive(Debug, Clone, PartialEq)]
pub enum Actions {
    Read(Vec<Action>),
    /// Action `seq` (1-based position) does not parse, or its `seq` is not its place.
    Bad {
        seq: u64,
        detail: String,
    },
}

/// One attempt of a streamed bundle: its fields, or the field that did not read.
pub type ReadAttempt = Result<BundleAttempt<Actions>, BadField>;

/// What pass 1 found: how many attempts, and the world version of the motcua that
/// wrote the bundle (no attempt in it can be of a newer one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub attempts: usize,
    pub world_version: u32,
}

/// Pass 1: the header is a bundle motcua can read.
pub fn header(reader: impl Read) -> Result<Header, BundleError> {
    let mut de = serde_json::Deserializer::from_reader(without_bom(reader));
    let head = de.deserialize_map(HeadVisitor).map_err(malformed)?;
    de.end().map_err(malformed)?;
    if head.format.as_ref().and_then(Value::as_str) != Some(FORMAT) {
        return Err(BundleError::NotABundle);
    }
    let count = head
        .attempts
        .ok_or_else(|| BundleError::Malformed("missing field `attempts`".into()))?
        .map_err(|found| BundleError::Malformed(format!("`attempts` is {found}, not a list")))?;
    let version = head.version.unwrap_or(Value::Null);
    let layout = match version.as_u64() {
        Some(v) if (1..=u64::from(VERSION)).contains(&v) => v,
        Some(found) if found > u64::from(VERSION) => {
            return Err(BundleError::TooNew {
                found: u32::try_from(found).unwrap_or(u32::MAX),
                supported: VERSION,
            });
        }
        _ => {
            let found = version.to_string().chars().take(80).collect();
            return Err(BundleError::BadVersion { found });
        }
    };
    if count > limits::BUNDLE_ATTEMPTS {
        return Err(BundleError::TooMany {
            count,
            limit: limits::BUNDLE_ATTEMPTS,
        });
    }
    let world_version = world(layout, head.world_version)?;
    Ok(Header {
        attempts: count,
        world_version,
    })
}

/// The scenario texts a bundle carries (`scenarios`: SHA-256 → text), read on a pass
/// of their own with every attempt skipped unread. Each is a claim: the caller keeps
/// only a text whose own hash is its key.
pub fn scenarios(reader: impl Read) -> Result<Vec<(String, String)>, BundleError> {
    let mut de = serde_json::Deserializer::from_reader(without_bom(reader));
    let found = de.deserialize_map(TextsVisitor).map_err(malformed)?;
    de.end().map_err(malformed)?;
    Ok(found)
}

struct TextsVisitor;

impl<'de> Visitor<'de> for TextsVisitor {
    type Value = Vec<(String, String)>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a results bundle (a JSON object)")
    }
    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
        let mut texts = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if key == "scenarios" {
                let by_hash: std::collections::BTreeMap<String, String> = map.next_value()?;
                texts.extend(by_hash);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(texts)
    }
}

/// The bundle's world version: absent in layout 1 (written before world versions
/// existed: world 1), a whole number from 1 in every later layout, and not newer than
/// this motcua's (it could not replay nor judge that world's attempts).
fn world(layout: u64, value: Option<Value>) -> Result<u32, BundleError> {
    let found = match value {
        None if layout == 1 => return Ok(WORLD_ONE),
        None => Value::Null,
        Some(v) => v,
    };
    match found.as_u64() {
        Some(w) if w > u64::from(WORLD_VERSION) => Err(BundleError::WorldTooNew {
            found: u32::try_from(w).unwrap_or(u32::MAX),
            supported: WORLD_VERSION,
        }),
        Some(w @ 1..) => Ok(u32::try_from(w).unwrap_or(WORLD_VERSION)),
        _ => Err(BundleError::BadWorldVersion {
            found: found.to_string().chars().take(80).collect(),
        }),
    }
}

/// Why pass 2 stopped.
#[derive(Debug)]
pub enum Stop {
    /// The file changed since `header` read it, or cannot be read.
    Malformed(String),
    /// `each` failed.
    Store(StoreError),
}

/// Pass 2: every attempt in order, given to `each` as soon as it is read.
pub fn attempts(
    reader: impl Read,
    each: &mut dyn FnMut(ReadAttempt) -> Result<(), StoreError>,
) -> Result<(), Stop> {
    let mut failed = None;
    let mut de = serde_json::Deserializer::from_reader(without_bom(reader));
    let read = de
        .deserialize_map(BodyVisitor {
            each,
            failed: &mut failed,
        })
        .and_then(|()| de.end());
    match (failed, read) {
        (Some(e), _) => Err(Stop::Store(e)),
        (None, Err(e)) => Err(Stop::Malformed(e.to_string())),
        (None, Ok(())) => Ok(()),
    }
}

fn malformed(e: serde_json::Error) -> BundleError {
    BundleError::Malformed(e.to_string())
}

/// The reader, buffered, past a leading byte-order mark.
fn without_bom(reader: impl Read) -> impl BufRead {
    let mut reader = BufReader::new(reader);
    if let Ok(head) = reader.fill_buf()
        && head.starts_with(b"\xEF\xBB\xBF")
    {
        reader.consume(3);
    }
    reader
}

/// The visit methods for every JSON value but the container a visitor expects:
/// `Ok(Err(description))`, the value read and dropped, so a wrong type refuses one
/// attempt and the reading goes on.
macro_rules! other_types {
    ($ok:ty) => {
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Result<$ok, String>, E> {
            Ok(Err(v.to_string()))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Result<$ok, String>, E> {
            Ok(Err(v.to_string()))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Result<$ok, String>, E> {
            Ok(Err(v.to_string()))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Result<$ok, String>, E> {
            Ok(Err(v.to_string()))
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Result<$ok, String>, E> {
            Ok(Err(Value::from(v).to_string().chars().take(80).collect()))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Result<$ok, String>, E> {
            Ok(Err("null".into()))
        }
    };
}

mod attempt;

use attempt::{AttemptSeed, Fields};

/// What pass 1 keeps: three small values and a count.
#[derive(Default)]
struct Head {
    format: Option<Value>,
    version: Option<Value>,
    world_version: Option<Value>,
    /// `Some(Err(_))`: `attempts` is there but not a list.
    attempts: Option<Result<usize, String>>,
}

struct HeadVisitor;

impl<'de> Visitor<'de> for HeadVisitor {
    type Value = Head;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a results bundle (a JSON object)")
    }
    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Head, M::Error> {
        let mut head = Head::default();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "format" => head.format = Some(map.next_value()?),
                "version" => head.version = Some(map.next_value()?),
                "world_version" => head.world_version = Some(map.next_value()?),
                "attempts" if head.attempts.is_some() => {
                    return Err(de::Error::duplicate_field("attempts"));
                }
                "attempts" => head.attempts = Some(map.next_value_seed(Count)?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(head)
    }
}

/// The length of a list, its items skipped unread.
struct Count;

impl<'de> DeserializeSeed<'de> for Count {
    type Value = Result<usize, String>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Count {
    type Value = Result<usize, String>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list")
    }
    other_types!(usize);
    fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<Self::Value, M::Error> {
        IgnoredAny.visit_map(map)?;
        Ok(Err("{…}".into()))
    }
    fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<Self::Value, S::Error> {
        let mut n = 0;
        while seq.next_element::<IgnoredAny>()?.is_some() {
            n += 1;
        }
        Ok(Ok(n))
    }
}

struct BodyVisitor<'a> {
    each: &'a mut dyn FnMut(ReadAttempt) -> Result<(), StoreError>,
    failed: &'a mut Option<StoreError>,
}

impl<'de> Visitor<'de> for BodyVisitor<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a results bundle (a JSON object)")
    }
    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<(), M::Error> {
        while let Some(key) = map.next_key::<String>()? {
            if key == "attempts" {
                map.next_value_seed(Each {
                    each: &mut *self.each,
                    failed: &mut *self.failed,
                })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

/// The list of attempts, each handed on as soon as it is read.
struct Each<'a> {
    each: &'a mut dyn FnMut(ReadAttempt) -> Result<(), StoreError>,
    failed: &'a mut Option<StoreError>,
}

impl<'de> DeserializeSeed<'de> for Each<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Each<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of attempts")
    }
    fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<(), S::Error> {
        while let Some(read) = seq.next_element_seed(AttemptSeed)? {
            let attempt = read
                .map_err(|value| BadField {
                    field: "attempt",
                    value,
                })
                .and_then(Fields::into_attempt);
            if let Err(e) = (self.each)(attempt) {
                let message = e.to_string();
                *self.failed = Some(e);
                return Err(de::Error::custom(message));
            }
        }
        Ok(())
    }
}
