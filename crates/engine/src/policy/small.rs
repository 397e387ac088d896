//! Compact storage for the parsed document, to keep allocations per policy
//! low (each request line of `iamsim eval` parses its policies again):
//!
//! - [`Small`]: a list whose common one-element case needs no heap
//!   allocation of its own (`"Resource": "*"`, one condition value).
//! - [`CaseKey`]: a key as written and its ASCII-lower-cased form in one
//!   string (context keys and condition keys are case-insensitive).

/// A list stored inline when it has exactly one element.
#[derive(Clone, Debug)]
pub(crate) enum Small<T> {
    /// Exactly one element, without a heap allocation for the list.
    One([T; 1]),
    /// Any other number of elements (an empty `Vec` allocates nothing).
    Many(Vec<T>),
}

impl<T> Default for Small<T> {
    fn default() -> Self {
        Small::Many(Vec::new())
    }
}

impl<T> Small<T> {
    /// The elements.
    pub(crate) fn as_slice(&self) -> &[T] {
        match self {
            Small::One(one) => one,
            Small::Many(many) => many,
        }
    }

    /// Appends an element.
    pub(crate) fn push(&mut self, item: T) {
        match self {
            Small::Many(many) if many.is_empty() => *self = Small::One([item]),
            Small::Many(many) => many.push(item),
            Small::One(_) => {
                if let Small::One([first]) = std::mem::take(self) {
                    let mut many = Vec::with_capacity(4);
                    many.push(first);
                    many.push(item);
                    *self = Small::Many(many);
                }
            }
        }
    }

    /// The elements mapped with `f`, keeping the inline case inline (a
    /// list of several reuses its allocation when `U` fits in `T`'s place).
    pub(crate) fn map<U>(self, f: impl FnMut(T) -> U) -> Small<U> {
        match self {
            Small::One(one) => Small::One(one.map(f)),
            Small::Many(many) => Small::Many(many.into_iter().map(f).collect()),
        }
    }
}

impl<T> From<Vec<T>> for Small<T> {
    fn from(mut many: Vec<T>) -> Self {
        if many.len() == 1
            && let Some(one) = many.pop()
        {
            return Small::One([one]);
        }
        Small::Many(many)
    }
}

impl<T: PartialEq> PartialEq for Small<T> {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<T: Eq> Eq for Small<T> {}

/// A case-insensitive key: its spelling as written and its ASCII
/// lower-cased form, in a single allocation (one copy when the key has no
/// upper-case letter).
#[derive(Clone, Debug)]
pub(crate) struct CaseKey {
    /// The spelling, followed by the lower-cased form when it differs.
    text: String,
    /// Where the lower-cased form starts in `text` (0: `text` is both).
    lower_at: usize,
}

impl CaseKey {
    /// The key for `spelling`.
    pub(crate) fn new(spelling: &str) -> CaseKey {
        if !spelling.bytes().any(|b| b.is_ascii_uppercase()) {
            return CaseKey {
                text: spelling.to_owned(),
                lower_at: 0,
            };
        }
        let mut text = String::with_capacity(spelling.len() * 2);
        text.push_str(spelling);
        text.extend(spelling.chars().map(|c| c.to_ascii_lowercase()));
        CaseKey {
            text,
            lower_at: spelling.len(),
        }
    }

    /// The key as written.
    pub(crate) fn spelling(&self) -> &str {
        if self.lower_at == 0 {
            &self.text
        } else {
            self.text.get(..self.lower_at).unwrap_or_default()
        }
    }

    /// The key in ASCII lower case.
    pub(crate) fn lower(&self) -> &str {
        self.text.get(self.lower_at..).unwrap_or_default()
    }
}

/// Equality, order and borrowing all go by the lower-cased form, so a map
/// keyed by `CaseKey` is looked up with a lower-cased `&str`.
impl PartialEq for CaseKey {
    fn eq(&self, other: &Self) -> bool {
        self.lower() == other.lower()
    }
}

impl Eq for CaseKey {}

impl PartialOrd for CaseKey {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for CaseKey {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.lower().cmp(other.lower())
    }
}

impl std::borrow::Borrow<str> for CaseKey {
    fn borrow(&self) -> &str {
        self.lower()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_lists_grow_and_compare_by_contents() {
        let mut s: Small<u8> = Small::default();
        assert_eq!(s.as_slice(), &[] as &[u8]);
        s.push(1);
        assert!(matches!(s, Small::One(_)));
        s.push(2);
        s.push(3);
        assert_eq!(s.as_slice(), &[1, 2, 3]);
        assert_eq!(Small::from(vec![7]), Small::Many(vec![7]));
        assert!(matches!(Small::from(vec![7]), Small::One([7])));
        assert_eq!(Small::from(vec![1, 2]).map(|x| x * 2).as_slice(), &[2, 4]);
    }

    #[test]
    fn case_keys_keep_spelling_and_compare_lower_cased() {
        let k = CaseKey::new("aws:SourceIp");
        assert_eq!((k.spelling(), k.lower()), ("aws:SourceIp", "aws:sourceip"));
        let l = CaseKey::new("aws:sourceip");
        assert_eq!((l.spelling(), l.lower()), ("aws:sourceip", "aws:sourceip"));
        assert_eq!(k, l);
        let u = CaseKey::new("Ä:X");
        assert_eq!((u.spelling(), u.lower()), ("Ä:X", "Ä:x"));
    }
}
