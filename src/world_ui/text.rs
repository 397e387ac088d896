//! Small text helpers for the page (pure, tested on the host).

/// `text` cut to at most `max` characters, with `…` when cut.
pub fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let kept: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{kept}…")
}

/// The longest common prefix of some strings.
pub fn common_prefix(items: &[String]) -> String {
    let Some(first) = items.first() else {
        return String::new();
    };
    let mut end = first.len();
    for item in items.iter().skip(1) {
        let same = first
            .char_indices()
            .zip(item.chars())
            .take_while(|((_, a), b)| a == b)
            .last()
            .map(|((i, a), _)| i + a.len_utf8())
            .unwrap_or(0);
        end = end.min(same);
    }
    first.get(..end).unwrap_or_default().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clips_with_an_ellipsis() {
        assert_eq!(clip("short", 10), "short");
        assert_eq!(clip("credentials valid until 06:00", 12), "credentials…");
        assert_eq!(clip("ab", 2), "ab");
    }

    #[test]
    fn prefix_of_candidates() {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            common_prefix(&v(&["describe-instances", "describe-iam"])),
            "describe-i"
        );
        assert_eq!(common_prefix(&v(&["a"])), "a");
        assert_eq!(common_prefix(&v(&["abc", "xyz"])), "");
        assert_eq!(common_prefix(&[]), "");
    }
}
