//! One small stable sort for the whole app.
//!
//! Every `slice::sort*` call instantiates the standard library's driftsort or
//! quicksort for its element type: several kilobytes of wasm each. The sort
//! here orders a list of *indices* with one merge sort that is not generic at
//! all, then moves the elements into place with swaps, so each element type
//! costs only a small wrapper. It is stable (equal elements keep their order,
//! as with [`slice::sort_by`]), O(n log n), and never panics, even when the
//! comparison is not a total order (the result is then some permutation).

use std::cmp::Ordering;

/// Sorts `v` in ascending order, stably (as [`slice::sort`]).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_dyn(v, &mut |a: &T, b: &T| a.cmp(b));
}

/// Sorts `v` with the comparison `cmp`, stably (as [`slice::sort_by`]).
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    sort_dyn(v, &mut cmp);
}

/// Sorts `v` by the key `key` gives each element, stably (as [`slice::sort_by_key`]).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_dyn(v, &mut |a: &T, b: &T| key(a).cmp(&key(b)));
}

/// The one generic part: compares elements by index, then applies the order.
fn sort_dyn<T>(v: &mut [T], cmp: &mut dyn FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = {
        let items: &[T] = v;
        sorted_indices(
            items.len(),
            &mut |i, j| match (items.get(i), items.get(j)) {
                (Some(a), Some(b)) => cmp(a, b),
                _ => Ordering::Equal,
            },
        )
    };
    permute(order, &mut |i, j| v.swap(i, j));
}

/// The indices `0..n` ordered by `cmp`, stably: a bottom-up merge sort.
fn sorted_indices(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to: Vec<usize> = Vec::with_capacity(n);
    let mut width = 1;
    while width < n {
        to.clear();
        for chunk in from.chunks(width.saturating_mul(2)) {
            let (left, right) = chunk.split_at(width.min(chunk.len()));
            let (mut l, mut r) = (left.iter().peekable(), right.iter().peekable());
            loop {
                match (l.peek(), r.peek()) {
                    // Take from the right only when it is strictly smaller: stable.
                    (Some(&&a), Some(&&b)) => {
                        if cmp(b, a) == Ordering::Less {
                            to.push(b);
                            r.next();
                        } else {
                            to.push(a);
                            l.next();
                        }
                    }
                    (Some(_), None) => to.extend(l.by_ref()),
                    (None, Some(_)) => to.extend(r.by_ref()),
                    (None, None) => break,
                }
            }
        }
        std::mem::swap(&mut from, &mut to);
        width = width.saturating_mul(2);
    }
    from
}

/// Moves the elements so that position `k` receives the element that was at
/// `order[k]`, following each cycle of the permutation with `swap`.
fn permute(mut order: Vec<usize>, swap: &mut dyn FnMut(usize, usize)) {
    for start in 0..order.len() {
        let mut at = start;
        // A position whose entry is itself is in place, or already done.
        while let Some(&from) = order.get(at) {
            if from == at {
                break;
            }
            if let Some(slot) = order.get_mut(at) {
                *slot = at;
            }
            if from == start {
                break;
            }
            swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_and_keeps_equal_elements_in_order() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut words = vec!["pear", "apple", "fig"];
        sort(&mut words);
        assert_eq!(words, ["apple", "fig", "pear"]);
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
    }

    #[test]
    fn a_comparison_that_is_not_an_order_does_not_panic() {
        let mut v: Vec<u32> = (0..100).rev().collect();
        let mut calls = 0u32;
        sort_by(&mut v, |_, _| {
            calls += 1;
            if calls.is_multiple_of(3) {
                Ordering::Less
            } else {
                Ordering::Greater
            }
        });
        let mut seen = v.clone();
        seen.sort_unstable();
        assert_eq!(seen, (0..100).collect::<Vec<_>>());
    }

    #[test]
    fn a_thousand_elements_take_n_log_n_comparisons() {
        let mut v: Vec<u32> = (0..1000).map(|i| (i * 7919) % 1000).collect();
        let mut calls = 0u32;
        sort_by(&mut v, |a, b| {
            calls += 1;
            a.cmp(b)
        });
        assert_eq!(v, (0..1000).collect::<Vec<_>>());
        assert!(calls <= 1000 * 10, "{calls} comparisons");
    }

    /// Orders by the first field, then the second modulo 3: many ties.
    fn by_class(a: &(u8, u16), b: &(u8, u16)) -> Ordering {
        a.0.cmp(&b.0).then((a.1 % 3).cmp(&(b.1 % 3)))
    }

    proptest! {
        #[test]
        fn same_as_std_stable_sort(v in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            let mut theirs = v;
            sort_by(&mut ours, by_class);
            theirs.sort_by(by_class);
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn same_as_std_by_key_and_plain(v in proptest::collection::vec(".{0,3}", 0..100)) {
            let mut ours = v.clone();
            let mut theirs = v.clone();
            sort_by_key(&mut ours, |s| s.len());
            theirs.sort_by_key(|s| s.len());
            prop_assert_eq!(&ours, &theirs);
            sort(&mut ours);
            theirs.sort();
            prop_assert_eq!(ours, theirs);
        }
    }
}
