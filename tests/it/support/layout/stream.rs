//! docs/generator.md, "Random streams: the layout", steps 1–4: ChaCha20 words (written
//! here from RFC 8439), the key of a seed, and the draws over the words. No generator
//! code is called.

use chrono::NaiveDate;

fn quarter(s: &mut [u32; 16], a: usize, b: usize, c: usize, d: usize) {
    s[a] = s[a].wrapping_add(s[b]);
    s[d] = (s[d] ^ s[a]).rotate_left(16);
    s[c] = s[c].wrapping_add(s[d]);
    s[b] = (s[b] ^ s[c]).rotate_left(12);
    s[a] = s[a].wrapping_add(s[b]);
    s[d] = (s[d] ^ s[a]).rotate_left(8);
    s[c] = s[c].wrapping_add(s[d]);
    s[b] = (s[b] ^ s[c]).rotate_left(7);
}

/// The block of `key` with state words 12–15 as given (counter and nonce).
pub fn block(key: &[u8; 32], row: [u32; 4]) -> [u32; 16] {
    let mut s = [0u32; 16];
    s[..4].copy_from_slice(&[0x6170_7865, 0x3320_646e, 0x7962_2d32, 0x6b20_6574]);
    for (i, chunk) in key.chunks_exact(4).enumerate() {
        s[4 + i] = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
    }
    s[12..].copy_from_slice(&row);
    let start = s;
    for _ in 0..10 {
        quarter(&mut s, 0, 4, 8, 12);
        quarter(&mut s, 1, 5, 9, 13);
        quarter(&mut s, 2, 6, 10, 14);
        quarter(&mut s, 3, 7, 11, 15);
        quarter(&mut s, 0, 5, 10, 15);
        quarter(&mut s, 1, 6, 11, 12);
        quarter(&mut s, 2, 7, 8, 13);
        quarter(&mut s, 3, 4, 9, 14);
    }
    for (w, x) in s.iter_mut().zip(start) {
        *w = w.wrapping_add(x);
    }
    s
}

/// The key of a seed: its 8 little-endian bytes, "motcua generator v2", 5 zeros.
pub fn key(seed: u64) -> [u8; 32] {
    let mut k = [0u8; 32];
    k[..8].copy_from_slice(&seed.to_le_bytes());
    k[8..27].copy_from_slice(b"motcua generator v2");
    k
}

/// Words of stream `stream` of `key`: blocks 0, 1, 2 … (counter in words 12–13,
/// stream in 14–15, low half first).
pub struct Words {
    key: [u8; 32],
    stream: u64,
    counter: u64,
    buf: [u32; 16],
    at: usize,
}

impl Words {
    pub fn new(key: [u8; 32], stream: u64) -> Words {
        Words {
            key,
            stream,
            counter: 0,
            buf: [0; 16],
            at: 16,
        }
    }

    pub fn next(&mut self) -> u32 {
        if self.at == 16 {
            let (c, s) = (self.counter, self.stream);
            let row = [c as u32, (c >> 32) as u32, s as u32, (s >> 32) as u32];
            self.buf = block(&self.key, row);
            self.counter += 1;
            self.at = 0;
        }
        self.at += 1;
        self.buf[self.at - 1]
    }
}

/// The documented draws over the words of one stream.
pub struct Draw(pub Words);

impl Draw {
    /// Stream `stream` of `seed`.
    pub fn stream(seed: u64, stream: u64) -> Draw {
        Draw(Words::new(key(seed), stream))
    }
    pub fn word(&mut self) -> u32 {
        self.0.next()
    }
    pub fn below(&mut self, n: u32) -> u32 {
        if n <= 1 {
            return 0;
        }
        // Multiply, keep the high half; reject low halves under 2^32 mod n.
        let reject_under = ((1u64 << 32) % u64::from(n)) as u32;
        loop {
            let m = u64::from(self.word()) * u64::from(n);
            if (m as u32) >= reject_under {
                return (m >> 32) as u32;
            }
        }
    }
    pub fn range(&mut self, lo: u32, hi: u32) -> u32 {
        if hi <= lo {
            lo
        } else {
            lo + self.below(hi - lo + 1)
        }
    }
    pub fn chance(&mut self, p: f64) -> bool {
        f64::from(self.word()) < p.clamp(0.0, 1.0) * 4_294_967_296.0
    }
    pub fn weighted(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut target = f64::from(self.word()) / 4_294_967_296.0 * total;
        let mut last = 0;
        for (i, &w) in weights.iter().enumerate() {
            if w > 0.0 {
                if target < w {
                    return i;
                }
                target -= w;
                last = i;
            }
        }
        last
    }
    /// Integer weights (none of the tables' totals is 0): `below(total)`, then the walk.
    pub fn weighted_u32(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut target = self.below(total);
        for (i, &w) in weights.iter().enumerate() {
            if target < w {
                return i;
            }
            target -= w;
        }
        weights.len() - 1
    }
    /// `below(len)`: no word for one item.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        assert!(!items.is_empty(), "pick from an empty list");
        &items[self.below(items.len() as u32) as usize]
    }
    /// A day in `lo..=hi`: `lo + below(days between + 1)`.
    pub fn day_between(&mut self, lo: NaiveDate, hi: NaiveDate) -> NaiveDate {
        let span = (hi - lo).num_days().max(0) as u32;
        lo + chrono::Days::new(u64::from(self.below(span + 1)))
    }
}
