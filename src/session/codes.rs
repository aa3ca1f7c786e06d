//! Dossier codes to plan indexes. Every event and action names its dossier by code,
//! so the look-up runs at each step: a multiplicative hash over eight bytes at a
//! time (the codes are the plan's own, not an attacker's keys) instead of SipHash.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Code → index into the plan.
pub(super) type ByCode = HashMap<String, usize, BuildHasherDefault<CodeHasher>>;

/// The Fx hash (rustc's): rotate, xor a word, multiply.
#[derive(Default)]
pub(super) struct CodeHasher(u64);

const K: u64 = 0x517c_c1b7_2722_0a95;

impl CodeHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

impl Hasher for CodeHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(c);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        self.add(u64::from_le_bytes(word));
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_find_their_index_and_others_find_nothing() {
        let mut by: ByCode = ByCode::default();
        for (i, code) in ["X-260302-0001", "X-260302-0002", "X-260303-0001"]
            .iter()
            .enumerate()
        {
            by.insert((*code).to_string(), i);
        }
        assert_eq!(by.get("X-260302-0002"), Some(&1));
        assert_eq!(by.get("X-260303-0001"), Some(&2));
        assert_eq!(by.get("X-260302-000"), None);
        assert_eq!(by.get(""), None);
    }
}
