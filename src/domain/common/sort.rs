//! One stable sort for every list the app orders.
//!
//! `slice::sort_by` compiles the whole sorting algorithm again for each element type: the phone
//! app had 13 copies of it (37 kB of wasm before optimisation). [`sort_by`] sorts positions, a
//! `usize` slice with a comparison behind `&dyn`, so the algorithm is compiled once; each
//! element type only adds the small step that moves elements to their places.

use std::cmp::Ordering;

/// Sort `v` stably by `cmp`: the same order as `v.sort_by(cmp)`.
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..v.len()).collect();
    {
        let items: &[T] = v;
        sort_positions(&mut order, &|a, b| match (items.get(a), items.get(b)) {
            (Some(x), Some(y)) => cmp(x, y),
            _ => Ordering::Equal,
        });
    }
    permute(v, &order);
}

/// Sort `v` stably by the key: the same order as `v.sort_by_key(key)`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// The one compiled sort.
#[inline(never)]
fn sort_positions(order: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

/// Put `v[order[k]]` at position `k` for every `k`, cycle by cycle, with swaps only.
fn permute<T>(v: &mut [T], order: &[usize]) {
    let mut placed = vec![false; v.len()];
    for start in 0..v.len() {
        if placed.get(start).copied().unwrap_or(true) {
            continue;
        }
        let mut here = start;
        loop {
            if let Some(p) = placed.get_mut(here) {
                *p = true;
            }
            let Some(&from) = order.get(here) else { break };
            if from == start || from >= v.len() {
                break;
            }
            v.swap(here, from);
            here = from;
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_as_the_standard_stable_sort_does(v in proptest::collection::vec((0u8..6, 0u16..1000), 0..300)) {
            let mut ours = v.clone();
            let mut std = v;
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn keeps_equal_elements_in_their_order_and_sorts_by_key() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut v, |x| x.0);
        assert_eq!(v, vec![(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
        let mut empty: Vec<u8> = vec![];
        sort_by(&mut empty, u8::cmp);
        assert!(empty.is_empty());
    }
}
