//! `keyed_enum!`: the one way an enum gets its stable names (scenario keys, action
//! and mistake codes, catalogue key suffixes, store columns, JSON values).
//!
//! Each variant is written once with its key, so the key reads next to the variant
//! (many keys are not a case conversion of the name: `birth_date`, `2018`, `co-ban`).
//! The macro gives `key`, `from_key`, `ALL`, `KEYS`, `keys` and serde as the key, and
//! derives `Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash`. Code that must
//! handle every variant matches without a wildcard (denied in the core), so a new
//! variant is a compile error there; tests/it/recipes.rs checks its catalogue keys and
//! docs through `ALL`.

// Exported for the store's enums (attempt status, suspect flags); serde paths are the
// caller's, so a crate using it depends on serde.
#[macro_export]
macro_rules! keyed_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $variant:ident = $key:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($(#[$vm])* $variant),+ }

        /// Serialised as its key, so JSON and TOML read the same.
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> ::core::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.key())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> ::core::result::Result<Self, D::Error> {
                let key = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                $name::from_key(&key).ok_or_else(|| {
                    serde::de::Error::unknown_variant(&key, Self::KEYS)
                })
            }
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// Every key, in declaration order (what a scenario file may write).
            pub const KEYS: &'static [&'static str] = &[$($key),+];
            /// The key used in scenario files and JSON output.
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }
            pub fn from_key(key: &str) -> Option<Self> {
                match key { $($key => Some($name::$variant),)+ _ => None }
            }
            pub fn keys() -> Vec<&'static str> {
                Self::KEYS.to_vec()
            }
        }
    };
}
pub use crate::keyed_enum;
