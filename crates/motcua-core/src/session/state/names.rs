//! A dossier's small sets of component ids (inspected, digitised, reused, supplied).

use serde::{Serialize, Serializer};

/// Component ids, sorted, without repeats: a handful at most, so a sorted list
/// holding exactly them. A `BTreeSet` allocated a node of eleven slots for the first
/// id, for every dossier of the attempt (docs/performance.md). Serializes as the
/// `BTreeSet` it replaces: the ids in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Names(Vec<String>);

impl Names {
    pub fn contains(&self, id: &str) -> bool {
        self.0.iter().any(|n| n == id)
    }

    /// Add `id`; `false` when it was there already.
    pub fn insert(&mut self, id: String) -> bool {
        match self.0.binary_search(&id) {
            Ok(_) => false,
            Err(at) => {
                // Room for this one only: the sets stay small and live as long as the attempt.
                self.0.reserve_exact(1);
                self.0.insert(at, id);
                true
            }
        }
    }

    /// Take `id` out; `false` when it was not there.
    pub fn remove(&mut self, id: &str) -> bool {
        match self.0.iter().position(|n| n == id) {
            Some(at) => {
                self.0.remove(at);
                true
            }
            None => false,
        }
    }

    pub fn iter(&self) -> std::slice::Iter<'_, String> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'a> IntoIterator for &'a Names {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl Serialize for Names {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn names_keep_the_order_and_the_json_of_a_btreeset() {
        let ids = ["to-khai", "cccd-me", "giay-chung-sinh", "cccd-me", "b"];
        let (mut names, mut set) = (Names::default(), BTreeSet::new());
        for id in ids {
            assert_eq!(names.insert(id.to_string()), set.insert(id.to_string()));
        }
        assert_eq!(names.remove("b"), set.remove("b"));
        assert_eq!(names.remove("absent"), set.remove("absent"));
        assert!(names.contains("cccd-me") && !names.contains("b"));
        assert_eq!(names.len(), set.len());
        let json = serde_json::to_string(&names).unwrap_or_default();
        assert_eq!(json, serde_json::to_string(&set).unwrap_or_default());
        assert_eq!(json, r#"["cccd-me","giay-chung-sinh","to-khai"]"#);
    }
}
