//! A radix heap: the priority queue of the solver's Dijkstra searches.
//!
//! Dijkstra on non-negative reduced costs pops keys that never decrease, which a radix heap
//! exploits: a key goes to the bucket of the highest bit where it differs from the last key
//! popped, and only the first non-empty bucket is ever sorted out, so each entry moves a few
//! times at most. Cheaper than a binary heap here (no sift through a large array per push and
//! pop). Entries with equal keys come out in a fixed order (last pushed first), so searches stay
//! deterministic.

pub(super) struct RadixHeap {
    last: u64,
    len: usize,
    buckets: Vec<Vec<(u64, u32)>>,
}

impl RadixHeap {
    pub(super) fn new() -> Self {
        Self {
            last: 0,
            len: 0,
            buckets: (0..=64).map(|_| Vec::new()).collect(),
        }
    }

    #[inline]
    fn bucket(&self, key: u64) -> usize {
        (u64::BITS - (key ^ self.last).leading_zeros()) as usize
    }

    /// Adds `node` at `key`, which must not be below the last key popped.
    #[inline]
    pub(super) fn push(&mut self, key: u64, node: u32) {
        debug_assert!(key >= self.last, "keys never go below the last one popped");
        let b = self.bucket(key);
        self.buckets[b].push((key, node));
        self.len += 1;
    }

    /// The entry with the smallest key.
    #[inline]
    pub(super) fn pop(&mut self) -> Option<(u64, u32)> {
        if self.len == 0 {
            return None;
        }
        if self.buckets[0].is_empty() {
            let i = (1..self.buckets.len())
                .find(|&i| !self.buckets[i].is_empty())
                .unwrap_or(0);
            let entries = std::mem::take(&mut self.buckets[i]);
            self.last = entries.iter().map(|e| e.0).min().unwrap_or(self.last);
            for &(key, node) in &entries {
                let b = self.bucket(key);
                self.buckets[b].push((key, node));
            }
            // Give the emptied bucket its allocation back.
            let mut entries = entries;
            entries.clear();
            self.buckets[i] = entries;
        }
        self.len -= 1;
        self.buckets[0].pop()
    }

    pub(super) fn clear(&mut self) {
        for b in &mut self.buckets {
            b.clear();
        }
        self.last = 0;
        self.len = 0;
    }
}
