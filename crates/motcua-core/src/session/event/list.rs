//! The compact field types of an event. The log holds about fifteen events a dossier
//! for the whole attempt, so each field's size counts (docs/performance.md): a
//! dossier's code is one copy shared by all its events, and the lists, empty in most
//! events, take one word and allocate nothing when empty. Both serialize exactly as a
//! string and a list do.

use std::ops::Deref;
use std::sync::Arc;

use serde::{Serialize, Serializer};

/// A dossier's code, shared by every event about the dossier.
pub type Code = Arc<str>;

/// A list that is usually empty: one word, nothing allocated when empty. Reads as a
/// slice; serializes as the list.
#[derive(Debug, Clone, PartialEq, Eq)]
// The box is the point: one word in the event instead of the three of a `Vec`.
#[allow(clippy::box_collection)]
pub struct List<T>(Option<Box<Vec<T>>>);

impl<T> List<T> {
    pub fn new() -> Self {
        List(None)
    }
}

impl<T> Default for List<T> {
    fn default() -> Self {
        List(None)
    }
}

impl<T> Deref for List<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        self.0.as_deref().map_or(&[], Vec::as_slice)
    }
}

impl<T> From<Vec<T>> for List<T> {
    fn from(mut v: Vec<T>) -> Self {
        // Exactly its items: a list lives as long as the log, and a `Vec` collected in
        // place from a wider one (ids mapped out of flaws) keeps the wider buffer.
        v.shrink_to_fit();
        List((!v.is_empty()).then(|| Box::new(v)))
    }
}

impl<T> FromIterator<T> for List<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        iter.into_iter().collect::<Vec<T>>().into()
    }
}

impl<'a, T> IntoIterator for &'a List<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<T: PartialEq> PartialEq<Vec<T>> for List<T> {
    fn eq(&self, other: &Vec<T>) -> bool {
        **self == **other
    }
}

impl<T: PartialEq, const N: usize> PartialEq<[T; N]> for List<T> {
    fn eq(&self, other: &[T; N]) -> bool {
        **self == *other
    }
}

impl<T: Serialize> Serialize for List<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // A slice serializes as the `Vec` it stood for.
        (**self).serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_reads_and_serializes_as_the_vec_it_holds() {
        for v in [vec![], vec!["a".to_string()], vec!["a".into(), "b".into()]] {
            let list = List::from(v.clone());
            assert_eq!(list, v);
            assert_eq!(list.len(), v.len());
            let json = serde_json::to_string(&list).expect("serializes");
            assert_eq!(json, serde_json::to_string(&v).expect("serializes"));
        }
        let code: Code = "X-260302-0001".into();
        let json = serde_json::to_string(&code).expect("serializes");
        assert_eq!(json, "\"X-260302-0001\"");
        // One word for a list, two for a code: what keeps an event small.
        assert_eq!(std::mem::size_of::<List<String>>(), 8);
        assert!(std::mem::size_of::<super::super::Event>() <= 72);
    }
}
