//! Names in the order people read them: `build-2` before `build-10`, `1.9` before `1.10`,
//! `1.0.0-rc1` before `1.0.0`. Every list that orders by name uses [`compare`], so a page merged
//! in by bisection lands where a full sort would put it.
//!
//! A name is read as a sequence of tokens: each run of ASCII digits is one number, every other
//! byte is itself. Sequences compare token by token:
//! - two numbers by value: leading zeros stripped, then the longer run is the larger, then
//!   digit by digit (no integer is built, so a run of 1,000 digits cannot overflow);
//! - a number against a byte as the digit `0` would (so `a1` < `a_`, as in plain byte order);
//! - two bytes as bytes: UTF-8 keeps code-point order, so non-ASCII text (non-ASCII digits
//!   included: they are not numbers here) sorts as plain text does;
//! - the end of a name comes before anything, except right after a dotted version
//!   (`1.0`, `v1.2.3`), where a `-` (a pre-release) comes first, then the end, then the rest:
//!   `1.0.0-rc1` < `1.0.0` < `1.0.0+build` < `1.0.0.1`.
//!
//! Whether the tokens so far end a dotted version depends only on those tokens, which both
//! names share up to the first difference; each such place orders its next tokens totally, so
//! the whole is a total preorder (the order of a depth-first walk of a trie). Names it finds
//! equal (`v07` and `v7`) are then ordered by their bytes, which makes the order total and
//! `Equal` mean equal bytes.

use std::cmp::Ordering;

/// The natural order of two names; ties broken by byte order, so `Equal` only for equal names.
pub fn compare(a: &str, b: &str) -> Ordering {
    natural(a.as_bytes(), b.as_bytes()).then_with(|| a.cmp(b))
}

/// What the tokens read so far end with, as far as versions go.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tail {
    Other,
    /// A number that is not (yet) part of a dotted version.
    Number,
    /// A number and a dot.
    NumberDot,
    /// At least two numbers joined by dots: `1.0`, `1.2.3`.
    Version,
    /// A version and a dot.
    VersionDot,
}

impl Tail {
    fn number(self) -> Self {
        match self {
            Self::NumberDot | Self::VersionDot => Self::Version,
            _ => Self::Number,
        }
    }

    fn byte(self, b: u8) -> Self {
        match (self, b) {
            (Self::Number, b'.') => Self::NumberDot,
            (Self::Version, b'.') => Self::VersionDot,
            _ => Self::Other,
        }
    }
}

/// Where the next token sorts after `tail`, when it is not a number meeting a number: the end
/// of the name first, bytes in byte order, a number where the digit `0` would be. Right after a
/// dotted version a `-` (a pre-release) comes first, even before the end.
fn rank(next: Option<u8>, tail: Tail) -> u16 {
    let version = tail == Tail::Version;
    match next {
        Some(b'-') if version => 0,
        None => u16::from(version),
        Some(b) if b.is_ascii_digit() => u16::from(b'0') + 2,
        Some(b) => u16::from(b) + 2,
    }
}

/// How many ASCII digits `s` starts with at `from`.
fn digits_from(s: &[u8], from: usize) -> usize {
    s[from..].iter().take_while(|b| b.is_ascii_digit()).count()
}

/// Two runs of digits by value, without building an integer.
fn numbers(a: &[u8], b: &[u8]) -> Ordering {
    fn significant(s: &[u8]) -> &[u8] {
        let zeros = s.iter().take_while(|&&d| d == b'0').count();
        &s[zeros..]
    }
    let (a, b) = (significant(a), significant(b));
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

/// The natural order alone: `v07` and `v7` are equal here.
fn natural(a: &[u8], b: &[u8]) -> Ordering {
    // Most names share a long prefix (`build-`, `team/service-`): skip it at memory speed,
    // back to the start of a number it ends inside, and read tokens only from there.
    let mut at = common_prefix(a, b);
    while at > 0 && a[at - 1].is_ascii_digit() {
        at -= 1;
    }
    tokens_from(a, b, at, tail_of(&a[..at]))
}

/// How many bytes `a` and `b` start with alike, eight at a time while they can.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + 8 <= n && a[i..i + 8] == b[i..i + 8] {
        i += 8;
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

/// What a prefix that does not end inside a number ends with: only its last tokens count (a
/// version is `digits.digits` at the end).
fn tail_of(prefix: &[u8]) -> Tail {
    let digits_before = |end: usize| {
        prefix[..end]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    // `prefix[..end]` ends with digits, a dot and digits.
    let version_at = |end: usize| {
        let last = digits_before(end);
        last > 0
            && end > last
            && prefix[end - last - 1] == b'.'
            && digits_before(end - last - 1) > 0
    };
    let n = prefix.len();
    match prefix.last() {
        Some(b) if b.is_ascii_digit() => {
            if version_at(n) {
                Tail::Version
            } else {
                Tail::Number
            }
        }
        Some(b'.') if digits_before(n - 1) > 0 => {
            if version_at(n - 1) {
                Tail::VersionDot
            } else {
                Tail::NumberDot
            }
        }
        _ => Tail::Other,
    }
}

/// Token by token from byte `from` of both (the same tokens before it), after `tail`.
fn tokens_from(a: &[u8], b: &[u8], from: usize, mut tail: Tail) -> Ordering {
    let (mut i, mut j) = (from, from);
    loop {
        match (a.get(i).copied(), b.get(j).copied()) {
            (None, None) => return Ordering::Equal,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let (na, nb) = (digits_from(a, i), digits_from(b, j));
                let ord = numbers(&a[i..i + na], &b[j..j + nb]);
                if ord != Ordering::Equal {
                    return ord;
                }
                i += na;
                j += nb;
                tail = tail.number();
            }
            (Some(x), Some(y)) if x == y => {
                i += 1;
                j += 1;
                tail = tail.byte(x);
            }
            // The first difference; the ranks of two different tokens always differ.
            (x, y) => return rank(x, tail).cmp(&rank(y, tail)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sorted(names: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        v.sort_by(|a, b| compare(a, b));
        v
    }

    #[test]
    fn numbers_compare_by_value() {
        assert_eq!(
            sorted(&["build-100", "build-10", "build-2", "build-1"]),
            ["build-1", "build-2", "build-10", "build-100"]
        );
        assert_eq!(sorted(&["1.10", "1.9", "1.2"]), ["1.2", "1.9", "1.10"]);
        assert_eq!(
            sorted(&["v1.10.0", "v1.9.12", "v1.9.2", "v2.0.0"]),
            ["v1.9.2", "v1.9.12", "v1.10.0", "v2.0.0"]
        );
    }

    #[test]
    fn pre_releases_come_before_their_release() {
        assert_eq!(
            sorted(&[
                "1.0.0",
                "1.0.0-rc1",
                "1.0.0-beta",
                "1.0.0-rc10",
                "1.0.0-rc2",
                "0.9"
            ]),
            [
                "0.9",
                "1.0.0-beta",
                "1.0.0-rc1",
                "1.0.0-rc2",
                "1.0.0-rc10",
                "1.0.0"
            ]
        );
        assert_eq!(sorted(&["v2.1", "v2.1-alpha"]), ["v2.1-alpha", "v2.1"]);
        // Not a version: a suffix after a plain number is just a longer name.
        assert_eq!(
            sorted(&["build-1-fix", "build-1"]),
            ["build-1", "build-1-fix"]
        );
        assert_eq!(
            sorted(&["1.0.0+meta", "1.0.0", "1.0.0.1", "1.0.0-rc1"]),
            ["1.0.0-rc1", "1.0.0", "1.0.0+meta", "1.0.0.1"]
        );
    }

    #[test]
    fn leading_zeros_and_long_runs() {
        assert_eq!(
            sorted(&["v010", "v9", "v7", "v07"]),
            ["v07", "v7", "v9", "v010"]
        );
        assert_eq!(
            compare("a007", "a7"),
            Ordering::Less,
            "equal value: bytes decide"
        );
        assert_eq!(compare("a7", "a007"), Ordering::Greater);
        let huge = format!("t{}", "9".repeat(1_000));
        let huger = format!("t1{}", "0".repeat(1_000));
        assert_eq!(compare(&huge, &huger), Ordering::Less);
        assert_eq!(
            compare(&format!("t{}1", "0".repeat(500)), "t2"),
            Ordering::Less
        );
        assert_eq!(compare(&huge, &huge), Ordering::Equal);
    }

    #[test]
    fn digits_sort_where_plain_text_puts_them_and_non_ascii_is_text() {
        assert_eq!(sorted(&["a_", "a1", "a-", "aa"]), ["a-", "a1", "a_", "aa"]);
        // Arabic-Indic and full-width digits are text, after ASCII, by code point.
        assert_eq!(
            sorted(&["v٣", "v３", "v3", "v10", "vé"]),
            ["v3", "v10", "vé", "v٣", "v３"]
        );
        assert_eq!(sorted(&["", "0", "-"]), ["", "-", "0"]);
    }

    /// Names made of the pieces that matter: digits (with zeros), dots, dashes, letters, and a
    /// non-ASCII digit.
    fn name() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("0"),
                Just("00"),
                Just("1"),
                Just("9"),
                Just("10"),
                Just("."),
                Just("-"),
                Just("+"),
                Just("a"),
                Just("rc"),
                Just("Z"),
                Just("٣"),
                Just("基"),
            ],
            0..8,
        )
        .prop_map(|parts| parts.concat())
    }

    /// The state machine run over the whole of `prefix` (which ends on a token boundary).
    fn tail_by_walking(prefix: &[u8]) -> Tail {
        let mut tail = Tail::Other;
        let mut i = 0;
        while i < prefix.len() {
            if prefix[i].is_ascii_digit() {
                i += digits_from(prefix, i);
                tail = tail.number();
            } else {
                tail = tail.byte(prefix[i]);
                i += 1;
            }
        }
        tail
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        #[test]
        fn equal_means_equal_and_order_is_antisymmetric(a in name(), b in name()) {
            prop_assert_eq!(compare(&a, &b) == Ordering::Equal, a == b);
            prop_assert_eq!(compare(&a, &b), compare(&b, &a).reverse());
        }

        #[test]
        fn order_is_transitive(a in name(), b in name(), c in name()) {
            let mut v = [a, b, c];
            v.sort_by(|x, y| compare(x, y));
            prop_assert_ne!(compare(&v[0], &v[1]), Ordering::Greater);
            prop_assert_ne!(compare(&v[1], &v[2]), Ordering::Greater);
            prop_assert_ne!(compare(&v[0], &v[2]), Ordering::Greater);
        }

        #[test]
        fn a_sort_is_a_chain(mut names in proptest::collection::vec(name(), 0..24)) {
            names.sort_by(|x, y| compare(x, y));
            // Every pair, not only neighbours: a non-transitive order shows here.
            for (i, x) in names.iter().enumerate() {
                for y in &names[i + 1..] {
                    prop_assert_ne!(compare(x, y), Ordering::Greater, "{:?} {:?}", x, y);
                }
            }
        }

        #[test]
        fn the_tail_read_backwards_is_the_tail_walked_forwards(a in name()) {
            let bytes = a.as_bytes();
            let mut end = bytes.len();
            while end > 0 && bytes[end - 1].is_ascii_digit() {
                end -= 1;
            }
            prop_assert!(tail_of(&bytes[..end]) == tail_by_walking(&bytes[..end]));
            prop_assert!(tail_of(bytes) == tail_by_walking(bytes));
        }

        #[test]
        fn skipping_the_common_prefix_changes_nothing(a in name(), b in name()) {
            prop_assert_eq!(natural(a.as_bytes(), b.as_bytes()),
                tokens_from(a.as_bytes(), b.as_bytes(), 0, Tail::Other));
        }

        #[test]
        fn numbers_order_by_value(x in 0u64..1_000_000, y in 0u64..1_000_000, zeros in 0usize..3) {
            let pad = "0".repeat(zeros);
            let (a, b) = (format!("build-{pad}{x}"), format!("build-{y}"));
            if x != y {
                prop_assert_eq!(compare(&a, &b), x.cmp(&y));
            }
        }
    }
}
