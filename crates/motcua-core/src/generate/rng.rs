//! `SimRng`: the random streams of an attempt, laid out by docs/generator.md.
//!
//! The words come from the ChaCha20 block function (20 rounds, the original layout
//! with a 64-bit block counter in state words 12–13 and a 64-bit stream number in
//! words 14–15) of the `chacha20` crate, checked against RFC 8439's vectors. Everything
//! above the words is ours and documented: how a seed becomes a key, which stream
//! serves what, and how a word becomes a number in a range or a yes/no. So no change
//! in a random-number crate can change a dossier, and the layout can be re-implemented
//! from the documentation alone (tests/it/generate_layout.rs does).

use chacha20::ChaCha20Rng;
use chacha20::rand_core::{Rng, SeedableRng};

/// Bytes 8..27 of every key: names the layout, so another use of the same seed
/// never shares a stream with the generator.
const KEY_TAG: &[u8; 19] = b"motcua generator v2";

/// Stream of the period's plan: procedure, channel, arrival and flaws of every
/// generated dossier, in drawing order.
pub const PLAN_STREAM: u64 = 0;

/// Stream of dossier `k`'s documents (people, places, papers, planted slips).
pub fn documents_stream(k: u32) -> u64 {
    2 * u64::from(k) + 1
}

/// Stream of dossier `k`'s choices: the result channel asked for and the simulated
/// people's timings. Apart from the documents, so neither ever shifts the other.
pub fn choices_stream(k: u32) -> u64 {
    2 * u64::from(k) + 2
}

/// The ChaCha20 key of `seed`: its 8 little-endian bytes, the tag, 5 zero bytes.
pub fn key(seed: u64) -> [u8; 32] {
    let mut key = [0u8; 32];
    key[..8].copy_from_slice(&seed.to_le_bytes());
    key[8..8 + KEY_TAG.len()].copy_from_slice(KEY_TAG);
    key
}

/// 2^32, the number of distinct words.
const WORDS: f64 = 4_294_967_296.0;

#[derive(Debug)]
pub struct SimRng {
    inner: ChaCha20Rng,
    words: u64,
}

impl SimRng {
    /// Stream `stream` of `seed`, from its first word.
    pub fn stream(seed: u64, stream: u64) -> Self {
        let mut inner = ChaCha20Rng::from_seed(key(seed));
        inner.set_stream(stream);
        SimRng { inner, words: 0 }
    }

    /// The plan stream of `seed`.
    pub fn plan(seed: u64) -> Self {
        Self::stream(seed, PLAN_STREAM)
    }

    /// The documents stream of dossier `k`.
    pub fn documents(seed: u64, k: u32) -> Self {
        Self::stream(seed, documents_stream(k))
    }

    /// The choices stream of dossier `k`.
    pub fn choices(seed: u64, k: u32) -> Self {
        Self::stream(seed, choices_stream(k))
    }

    /// The next 32-bit word of the stream.
    pub fn word(&mut self) -> u32 {
        self.words += 1;
        self.inner.next_u32()
    }

    /// Words drawn so far (the benchmarks' floor draws as many).
    pub fn words(&self) -> u64 {
        self.words
    }

    /// A number in `0..n`, unbiased (Lemire's multiply-and-reject); 0 without a word
    /// when `n` is 0 or 1.
    pub fn below(&mut self, n: u32) -> u32 {
        if n <= 1 {
            return 0;
        }
        let mut m = u64::from(self.word()) * u64::from(n);
        if (m as u32) < n {
            let threshold = n.wrapping_neg() % n;
            while (m as u32) < threshold {
                m = u64::from(self.word()) * u64::from(n);
            }
        }
        (m >> 32) as u32
    }

    /// `below` for a count held in a u64 (days, minutes of a period). Validated
    /// scenarios keep every such count under 2^32; a larger one is capped there.
    pub fn below_u64(&mut self, n: u64) -> u64 {
        u64::from(self.below(u32::try_from(n).unwrap_or(u32::MAX)))
    }

    /// A number in `lo..=hi`; `lo` without a word when the range is empty or one number.
    pub fn range(&mut self, lo: u32, hi: u32) -> u32 {
        if hi <= lo {
            return lo;
        }
        match (hi - lo).checked_add(1) {
            Some(n) => lo + self.below(n),
            None => self.word(),
        }
    }

    /// True with probability `p`: one word `x`, true when `x < p × 2^32` (`p` clamped
    /// to `[0, 1]`; NaN counts as 0). Always exactly one word, whatever `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        let x = f64::from(self.word());
        !p.is_nan() && x < p.clamp(0.0, 1.0) * WORDS
    }

    /// Index of one of `len` items; `None` when there are none.
    pub fn index(&mut self, len: usize) -> Option<usize> {
        let n = u32::try_from(len).unwrap_or(u32::MAX);
        (n > 0).then(|| self.below(n) as usize)
    }

    /// One item, uniformly; `None` when the slice is empty.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        let i = self.index(items.len())?;
        items.get(i)
    }

    /// Index chosen in proportion to `weights`, with one word `x`: the target
    /// `x / 2^32 × total` walks the weights in order. Negative, NaN or infinite
    /// weights count as 0; when nothing is left (or the total overflows) the choice
    /// is `index(len)`.
    /// `None` only for an empty slice.
    pub fn weighted(&mut self, weights: &[f64]) -> Option<usize> {
        let usable = |w: f64| if w.is_finite() && w > 0.0 { w } else { 0.0 };
        let total: f64 = weights.iter().map(|&w| usable(w)).sum();
        if total <= 0.0 || total.is_infinite() {
            return self.index(weights.len());
        }
        let mut target = f64::from(self.word()) / WORDS * total;
        let mut last = None;
        for (i, &w) in weights.iter().enumerate() {
            let w = usable(w);
            if w > 0.0 {
                if target < w {
                    return Some(i);
                }
                target -= w;
                last = Some(i);
            }
        }
        last
    }

    /// `weighted_u32` from the weights' running totals (`running_sums`): the same
    /// index from the same word, found by bisection instead of a walk.
    pub fn weighted_sums(&mut self, sums: &[u64]) -> Option<usize> {
        let total = sums.last().copied().unwrap_or(0);
        if total == 0 {
            return self.index(sums.len());
        }
        let target = self.below_u64(total);
        // The walk stops at the first weight whose running total passes the target.
        Some(sums.partition_point(|&s| s <= target))
    }

    /// Index chosen in proportion to integer `weights`: `below(total)` walks them in
    /// order; `index(len)` when they are all 0.
    pub fn weighted_u32(&mut self, weights: &[u32]) -> Option<usize> {
        let total: u64 = weights.iter().map(|&w| u64::from(w)).sum();
        if total == 0 {
            return self.index(weights.len());
        }
        let mut target = self.below_u64(total);
        for (i, &w) in weights.iter().enumerate() {
            let w = u64::from(w);
            if target < w {
                return Some(i);
            }
            target -= w;
        }
        None
    }
}

/// Running totals of `weights`, for `SimRng::weighted_sums`.
pub fn running_sums(weights: impl IntoIterator<Item = u32>) -> Vec<u64> {
    weights
        .into_iter()
        .scan(0u64, |total, w| {
            *total += u64::from(w);
            Some(*total)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream() {
        let mut a = SimRng::plan(7);
        let mut b = SimRng::plan(7);
        let xs: Vec<u32> = (0..50).map(|_| a.below(1000)).collect();
        let ys: Vec<u32> = (0..50).map(|_| b.below(1000)).collect();
        assert_eq!(xs, ys);
        let mut c = SimRng::plan(8);
        let zs: Vec<u32> = (0..50).map(|_| c.below(1000)).collect();
        assert_ne!(xs, zs);
        let mut d = SimRng::documents(7, 0);
        let ds: Vec<u32> = (0..50).map(|_| d.below(1000)).collect();
        assert_ne!(xs, ds, "each stream is its own");
    }

    #[test]
    fn the_key_is_the_seed_and_the_tag() {
        let k = key(0x0102_0304_0506_0708);
        assert_eq!(k[..8], [8, 7, 6, 5, 4, 3, 2, 1]);
        assert_eq!(&k[8..27], b"motcua generator v2");
        assert_eq!(k[27..], [0; 5]);
        assert_eq!(
            (documents_stream(0), choices_stream(0), documents_stream(9)),
            (1, 2, 19)
        );
    }

    #[test]
    fn range_reduction_is_multiply_then_reject() {
        // Worked by hand from the first words of the plan stream of seed 42.
        let mut words = SimRng::plan(42);
        let w: Vec<u32> = (0..3).map(|_| words.word()).collect();
        let mut r = SimRng::plan(42);
        assert_eq!(r.below(6), ((u64::from(w[0]) * 6) >> 32) as u32);
        // 2^31 + 1 rejects the low products under 2^32 mod n = 2^31 - 1.
        let n = (1u32 << 31) + 1;
        let m = u64::from(w[1]) * u64::from(n);
        let threshold = n.wrapping_neg() % n;
        let expected = if (m as u32) < threshold {
            ((u64::from(w[2]) * u64::from(n)) >> 32) as u32
        } else {
            (m >> 32) as u32
        };
        assert_eq!(r.below(n), expected);
    }

    #[test]
    fn ranges_of_one_number_take_no_word() {
        let mut r = SimRng::plan(1);
        assert_eq!((r.below(0), r.below(1), r.range(5, 5)), (0, 0, 5));
        assert_eq!(r.range(9, 3), 9);
        assert_eq!(r.pick(&[4]), Some(&4));
        assert_eq!(r.words(), 0);
        r.chance(f64::NAN);
        r.chance(2.0);
        assert_eq!(r.words(), 2, "a chance always takes one word");
    }

    #[test]
    fn edges_never_panic() {
        let mut r = SimRng::plan(1);
        assert_eq!(r.pick::<u8>(&[]), None);
        assert_eq!(r.weighted(&[]), None);
        assert_eq!(r.weighted_u32(&[]), None);
        assert!(!r.chance(0.0));
        assert!(r.chance(1.0));
        assert!(!r.chance(f64::NAN));
        assert!(r.weighted(&[0.0, -1.0, f64::NAN]).is_some());
        assert!(r.weighted(&[f64::MAX, f64::MAX]).is_some());
        assert!(r.weighted_u32(&[0, 0]).is_some());
        // The whole range of u32 is one word as it is, without reduction.
        let (mut a, mut b) = (SimRng::plan(2), SimRng::plan(2));
        assert_eq!(a.range(0, u32::MAX), b.word());
        assert!(r.below_u64(u64::MAX) < u64::from(u32::MAX));
    }

    #[test]
    fn weights_steer_the_choice() {
        let mut r = SimRng::plan(3);
        for _ in 0..200 {
            assert_eq!(r.weighted(&[0.0, 2.5, 0.0]), Some(1));
            assert_eq!(r.weighted_u32(&[0, 0, 9]), Some(2));
        }
        let heavy = (0..2000)
            .filter(|_| r.weighted_u32(&[9, 1]) == Some(0))
            .count();
        assert!((1650..1950).contains(&heavy), "{heavy}");
        let sixes = (0..6000).filter(|_| r.below(6) == 5).count();
        assert!((850..1150).contains(&sixes), "{sixes}");
    }

    #[test]
    fn running_sums_choose_as_the_walk_does() {
        let cases: [&[u32]; 5] = [&[3, 0, 5, 1], &[0, 0, 9], &[0, 0], &[7], &[1, 0, 0, 1, 0]];
        for weights in cases {
            let sums = running_sums(weights.iter().copied());
            let (mut a, mut b) = (SimRng::plan(4), SimRng::plan(4));
            for _ in 0..300 {
                assert_eq!(
                    a.weighted_u32(weights),
                    b.weighted_sums(&sums),
                    "{weights:?}"
                );
            }
            assert_eq!(a.words(), b.words());
        }
    }
}
