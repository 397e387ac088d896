//! Maps keyed by AWS ids, in the ids' text order.
//!
//! A busy world looks instances up on every metadata-service read and adds two STS sessions
//! per instance per hour, so the usual `BTreeMap<String, _>` (a pointer followed and a
//! `memcmp` for every comparison) is the cost that shows. Here the ids AWS's shapes make
//! common are held as one number: instance ids (`i-` and 17 lower-case hex digits),
//! association ids (`iip-assoc-` and 17) and temporary access key ids (`ASIA` and 16
//! characters). Any other id is kept as text. The
//! order is the ids' text order either way, and a map saves as a JSON object of id → value.
//! [`IdMap`] is a sorted array (looked up on every read), [`IdTree`] a B-tree (added to all
//! the time).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// The value of 8 lower-case hex digits, all at once (eight bytes in a `u64`).
fn hex8(digits: [u8; 8]) -> Option<u64> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let x = u64::from_be_bytes(digits);
    // For bytes below 0x80, adding 0x80 - L sets a byte's high bit iff it is >= L, and
    // adding 0x7f - H iff it is > H; no byte carries into the next.
    let at_least = |l: u64| x.wrapping_add(ONES * (0x80 - l)) & HIGH;
    let above = |h: u64| x.wrapping_add(ONES * (0x7f - h)) & HIGH;
    let digit = at_least(0x30) & !above(0x39);
    let letter = at_least(0x61) & !above(0x66);
    if x & HIGH != 0 || (digit | letter) & HIGH != HIGH {
        return None;
    }
    // '0'..'9' are 0x30..0x39 and 'a'..'f' 0x61..0x66: the low nibble, plus 9 for letters.
    let v = (x & (ONES * 0x0f)) + 9 * ((x >> 6) & ONES);
    // Pack the eight nibbles (most significant first) into 32 bits.
    let v = (v | (v >> 4)) & 0x00ff_00ff_00ff_00ff;
    let v = (v | (v >> 8)) & 0x0000_ffff_0000_ffff;
    Some((v | (v >> 16)) & 0x0000_0000_ffff_ffff)
}

/// The value of exactly 17 lower-case hex digits (68 bits).
fn hex17(hex: &str) -> Option<u128> {
    let (first, rest) = hex.as_bytes().split_first()?;
    let (a, b) = rest.split_at_checked(8)?;
    let high = hex8([b'0', b'0', b'0', b'0', b'0', b'0', b'0', *first])?;
    let a = hex8(a.try_into().ok()?)?;
    let b = hex8(b.try_into().ok()?)?;
    Some((u128::from(high) << 64) | (u128::from(a) << 32) | u128::from(b))
}

/// An id, ordered as its text.
#[derive(Clone, Debug, PartialEq, Eq)]
enum IdKey {
    /// `i-` and 17 lower-case hex digits, as their value (the same order).
    Instance(u128),
    /// `iip-assoc-` and 17 lower-case hex digits, likewise.
    Association(u128),
    /// `ASIA` and the 16 bytes after it, big-endian (the same order).
    TemporaryKey(u128),
    /// Any other id.
    Text(Box<str>),
}

impl IdKey {
    fn new(id: &str) -> Self {
        if let Some(n) = id.strip_prefix("i-").and_then(hex17) {
            return IdKey::Instance(n);
        }
        if let Some(n) = id.strip_prefix("iip-assoc-").and_then(hex17) {
            return IdKey::Association(n);
        }
        if let Some(bytes) = id
            .strip_prefix("ASIA")
            .and_then(|rest| <[u8; 16]>::try_from(rest.as_bytes()).ok())
        {
            return IdKey::TemporaryKey(u128::from_be_bytes(bytes));
        }
        IdKey::Text(id.into())
    }

    /// The id as one number ordering as the texts do, for instance and association ids
    /// (`i-…` < `iip-assoc-…`: the shape in the top byte, then the value).
    fn number(&self) -> Option<u128> {
        match self {
            IdKey::Instance(n) => Some((1 << 120) | n),
            IdKey::Association(n) => Some((2 << 120) | n),
            IdKey::TemporaryKey(_) | IdKey::Text(_) => None,
        }
    }

    fn text(&self) -> Cow<'_, str> {
        match self {
            IdKey::Instance(n) => Cow::Owned(format!("i-{n:017x}")),
            IdKey::Association(n) => Cow::Owned(format!("iip-assoc-{n:017x}")),
            IdKey::TemporaryKey(n) => {
                let bytes = n.to_be_bytes();
                // The bytes came from the end of a `str` after an ASCII prefix.
                let rest = std::str::from_utf8(&bytes).unwrap_or_default();
                Cow::Owned(format!("ASIA{rest}"))
            }
            IdKey::Text(id) => Cow::Borrowed(id),
        }
    }
}

impl IdKey {
    /// Two ids of different shapes (or two texts), by their texts.
    #[cold]
    #[inline(never)]
    fn cmp_texts(&self, other: &Self) -> Ordering {
        self.text().cmp(&other.text())
    }
}

impl Ord for IdKey {
    #[inline]
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (IdKey::Instance(a), IdKey::Instance(b))
            | (IdKey::Association(a), IdKey::Association(b))
            | (IdKey::TemporaryKey(a), IdKey::TemporaryKey(b)) => a.cmp(b),
            _ => self.cmp_texts(other),
        }
    }
}

impl PartialOrd for IdKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A map from ids to `V`, in the ids' text order: a sorted array searched by halves
/// (without a branch to mispredict), for maps read far more often than they change
/// (instances, associations). [`IdTree`] is the same map as a B-tree, for maps that grow all
/// the time (STS sessions).
#[derive(Clone, Debug, PartialEq)]
pub struct IdMap<V> {
    /// Sorted by id; the values boxed, so the ids lie close together.
    entries: Vec<(IdKey, Box<V>)>,
    /// The ids as numbers ([`IdKey::number`]) when every id has one (the usual case), in the
    /// same order: searched instead, a comparison is one instruction.
    numbers: Option<Vec<u128>>,
}

impl<V> Default for IdMap<V> {
    fn default() -> Self {
        IdMap {
            entries: Vec::new(),
            numbers: Some(Vec::new()),
        }
    }
}

impl<V> IdMap<V> {
    fn find(&self, key: &IdKey) -> Result<usize, usize> {
        if let (Some(numbers), Some(n)) = (&self.numbers, key.number()) {
            return numbers.binary_search(&n);
        }
        self.entries.binary_search_by(|(k, _)| k.cmp(key))
    }

    /// [`IdMap::numbers`] again, after the ids changed.
    fn renumber(&mut self) {
        self.numbers = self.entries.iter().map(|(k, _)| k.number()).collect();
    }

    /// The value of `id`.
    pub fn get(&self, id: &str) -> Option<&V> {
        let i = self.find(&IdKey::new(id)).ok()?;
        self.entries.get(i).map(|(_, v)| &**v)
    }

    /// The value of `id`, to change.
    pub fn get_mut(&mut self, id: &str) -> Option<&mut V> {
        let i = self.find(&IdKey::new(id)).ok()?;
        self.entries.get_mut(i).map(|(_, v)| &mut **v)
    }

    /// Whether `id` has a value.
    pub fn contains_key(&self, id: &str) -> bool {
        self.find(&IdKey::new(id)).is_ok()
    }

    /// Sets the value of `id`; gives the one it replaces.
    pub fn insert(&mut self, id: &str, value: V) -> Option<V> {
        self.insert_key(IdKey::new(id), value)
    }

    fn insert_key(&mut self, key: IdKey, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => self
                .entries
                .get_mut(i)
                .map(|(_, old)| *std::mem::replace(old, Box::new(value))),
            Err(i) => {
                // A search gives a place within the array.
                let i = i.min(self.entries.len());
                match (&mut self.numbers, key.number()) {
                    (Some(numbers), Some(n)) if i <= numbers.len() => numbers.insert(i, n),
                    _ => self.numbers = None,
                }
                self.entries.insert(i, (key, Box::new(value)));
                None
            }
        }
    }

    /// Removes `id`; gives its value.
    pub fn remove(&mut self, id: &str) -> Option<V> {
        let i = self.find(&IdKey::new(id)).ok()?;
        if i >= self.entries.len() {
            return None;
        }
        let (_, value) = self.entries.remove(i);
        self.renumber();
        Some(*value)
    }

    /// How many ids.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there is none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The ids, in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = Cow<'_, str>> + ExactSizeIterator {
        self.entries.iter().map(|(k, _)| k.text())
    }

    /// The values, in their ids' order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator {
        self.entries.iter().map(|(_, v)| &**v)
    }

    /// The values, in their ids' order, to change.
    pub fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut V> + ExactSizeIterator {
        self.entries.iter_mut().map(|(_, v)| &mut **v)
    }

    /// The ids and values, in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (Cow<'_, str>, &V)> + ExactSizeIterator {
        self.entries.iter().map(|(k, v)| (k.text(), &**v))
    }
}

impl<V: Serialize> Serialize for IdMap<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for IdMap<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let saved = BTreeMap::<String, V>::deserialize(deserializer)?;
        let mut entries: Vec<(IdKey, Box<V>)> = saved
            .into_iter()
            .map(|(k, v)| (IdKey::new(&k), Box::new(v)))
            .collect();
        // Already in order (the ids' text order is the keys' order); sorting is a check.
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        let mut map = IdMap {
            entries,
            numbers: None,
        };
        map.renumber();
        Ok(map)
    }
}

/// [`IdMap`] as a B-tree: the same map, for one that grows all the time (an insertion
/// moves a few pointers, not half the array).
#[derive(Clone, Debug, PartialEq)]
pub struct IdTree<V> {
    map: BTreeMap<IdKey, Box<V>>,
}

impl<V> Default for IdTree<V> {
    fn default() -> Self {
        IdTree {
            map: BTreeMap::new(),
        }
    }
}

impl<V> IdTree<V> {
    /// The value of `id`.
    pub fn get(&self, id: &str) -> Option<&V> {
        self.map.get(&IdKey::new(id)).map(|v| &**v)
    }

    /// Whether `id` has a value.
    pub fn contains_key(&self, id: &str) -> bool {
        self.map.contains_key(&IdKey::new(id))
    }

    /// Sets the value under the id it holds (`id_of`), without copying the id.
    pub(crate) fn insert_by(&mut self, value: V, id_of: impl FnOnce(&V) -> &str) -> Option<V> {
        let key = IdKey::new(id_of(&value));
        self.map.insert(key, Box::new(value)).map(|v| *v)
    }

    /// How many ids.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when there is none.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The values, in their ids' order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator {
        self.map.values().map(|v| &**v)
    }

    /// The ids and values, in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (Cow<'_, str>, &V)> + ExactSizeIterator {
        self.map.iter().map(|(k, v)| (k.text(), &**v))
    }
}

impl<V: Serialize> Serialize for IdTree<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for IdTree<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let saved = BTreeMap::<String, V>::deserialize(deserializer)?;
        Ok(IdTree {
            map: saved
                .into_iter()
                .map(|(k, v)| (IdKey::new(&k), Box::new(v)))
                .collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex17_reads_exactly_17_lower_case_hex_digits() {
        let reference = |s: &str| {
            (s.len() == 17 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
                .then(|| u128::from_str_radix(s, 16).unwrap())
        };
        let mut cases = vec![
            "0123456789abcdef0".to_string(),
            "fffffffffffffffff".to_string(),
            "00000000000000000".to_string(),
            "0123456789abcdef".to_string(),
            "0123456789abcdef01".to_string(),
            String::new(),
        ];
        // Every byte in every position of a valid id.
        for position in 0..17 {
            for byte in [
                '/', '0', '9', ':', '@', 'A', 'F', 'G', '`', 'a', 'f', 'g', 'é', '\u{7f}',
            ] {
                let mut s: Vec<char> = "5a5a5a5a5a5a5a5a5".chars().collect();
                s[position] = byte;
                cases.push(s.into_iter().collect());
            }
        }
        for case in cases {
            assert_eq!(hex17(&case), reference(&case), "{case:?}");
        }
    }

    #[test]
    fn an_id_map_behaves_as_a_btreemap_of_the_texts() {
        // Instance and association ids (searched as numbers) and now and then another id.
        let mut ids_gen = crate::ids::IdGen::new(3);
        let mut reference: BTreeMap<String, u64> = BTreeMap::new();
        let mut map: IdMap<u64> = IdMap::default();
        let mut ids: Vec<String> = Vec::new();
        for step in 0..600u64 {
            let r = ids_gen.next_u64();
            let id = match r % 10 {
                0..=4 => ids_gen.instance_id(),
                5..=6 => ids_gen.association_id(),
                7 if step.is_multiple_of(5) => format!("x-{}", r % 7),
                _ => ids
                    .get(r as usize % ids.len().max(1))
                    .cloned()
                    .unwrap_or_default(),
            };
            if r.is_multiple_of(3) {
                assert_eq!(map.remove(&id), reference.remove(&id), "{id}");
            } else {
                assert_eq!(
                    map.insert(&id, step),
                    reference.insert(id.clone(), step),
                    "{id}"
                );
                ids.push(id);
            }
            let probe = ids
                .get((r >> 8) as usize % ids.len().max(1))
                .cloned()
                .unwrap_or_default();
            assert_eq!(map.get(&probe), reference.get(&probe), "{probe}");
            assert_eq!(
                map.contains_key("i-00000000000000000"),
                reference.contains_key("i-00000000000000000")
            );
        }
        assert!(
            map.iter()
                .map(|(k, v)| (k.into_owned(), *v))
                .eq(reference.clone())
        );
        let back: IdMap<u64> = serde_json::from_value(serde_json::to_value(&map).unwrap()).unwrap();
        assert_eq!(back, map);
    }

    #[test]
    fn ids_keep_their_text_order_and_save_as_an_object() {
        let ids = [
            "i-0123456789abcdef0",
            "i-fffffffffffffffff",
            "i-00000000000000000",
            "i-0123456789ABCDEF0",
            "i-123",
            "iip-assoc-0123456789abcdef0",
            "iip-assoc-0123456789abcdef",
            "ASIAZZZZZZZZZZZZZZZZ",
            "ASIA2AAAAAAAAAAAAAAA",
            "ASIAAAAAAAAAAAAAAAAA",
            "ASIAAAAAAAAAAAAAAAAAB",
            "AKIAODD",
            "ASIA",
            "",
            "é",
        ];
        let mut map = IdMap::default();
        for (n, id) in ids.iter().enumerate() {
            assert_eq!(map.insert(id, n), None);
        }
        let mut sorted = ids.to_vec();
        sorted.sort_unstable();
        assert_eq!(map.keys().collect::<Vec<_>>(), sorted);
        assert_eq!(map.len(), ids.len());
        assert_eq!(map.get("i-0123456789abcdef0"), Some(&0));
        assert_eq!(map.get("i-0123456789ABCDEF0"), Some(&3));
        assert_eq!(map.get("i-0123456789abcdef1"), None);
        assert!(map.contains_key("ASIA2AAAAAAAAAAAAAAA"));
        if let Some(v) = map.get_mut("i-123") {
            *v = 40;
        }
        assert_eq!(map.remove("i-123"), Some(40));
        assert_eq!(map.insert("AKIAODD", 11), Some(11));
        sorted.retain(|id| *id != "i-123");
        let json = serde_json::to_value(&map).unwrap();
        let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
        assert_eq!(keys, sorted);
        let back: IdMap<usize> = serde_json::from_value(json).unwrap();
        assert_eq!(back, map);
        assert_eq!(map.values().next_back(), Some(&14));
        assert_eq!(
            map.iter().next().map(|(k, v)| (k.into_owned(), *v)),
            Some((String::new(), 13))
        );
    }
}
