//! Image digests as rows keep them: `sha256:` and 64 hex digits become the 32 bytes they spell
//! (compared and hashed as bytes, 32 bytes instead of a 71-byte string per tag and layer);
//! anything else is kept as sanitized text, so an odd server still shows what it sent.

use std::fmt;

use super::text::sanitize;

#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub enum Digest {
    Sha256([u8; 32]),
    /// Another algorithm or a malformed value; empty when the server sent none.
    Other(Box<str>),
    #[default]
    None,
}

const PREFIX: &str = "sha256:";

impl Digest {
    pub fn parse(text: &str) -> Self {
        if text.is_empty() {
            return Self::None;
        }
        match text.strip_prefix(PREFIX).and_then(decode_lower_hex) {
            Some(bytes) => Self::Sha256(bytes),
            None => Self::Other(sanitize(text).into_boxed_str()),
        }
    }

    pub fn is_empty(&self) -> bool {
        matches!(self, Self::None)
    }

    /// `sha256:0123456789ab`: enough to tell images apart in a list.
    pub fn short(&self) -> String {
        match self {
            Self::Sha256(bytes) => format!("{PREFIX}{}", hex::encode(&bytes[..6])),
            Self::Other(text) => match text.split_once(':') {
                Some((algo, rest)) => {
                    format!("{algo}:{}", rest.chars().take(12).collect::<String>())
                }
                None => text.chars().take(19).collect(),
            },
            Self::None => String::new(),
        }
    }
}

/// 64 lower-case hex digits (as the OCI spec writes digests) as 32 bytes, in one pass: a page
/// of tags holds thousands of digests.
fn decode_lower_hex(hex: &str) -> Option<[u8; 32]> {
    let hex: &[u8; 64] = hex.as_bytes().try_into().ok()?;
    let mut out = [0u8; 32];
    // Table lookups and one check at the end: random hex digits defeat branch prediction.
    let mut invalid = 0u8;
    for (byte, pair) in out.iter_mut().zip(hex.chunks_exact(2)) {
        let (high, low) = (NIBBLES[usize::from(pair[0])], NIBBLES[usize::from(pair[1])]);
        invalid |= (high | low) & 0x10;
        *byte = high << 4 | (low & 0x0f);
    }
    (invalid == 0).then_some(out)
}

/// A hex digit's value, or 0x10 for anything but `0-9a-f`.
const NIBBLES: [u8; 256] = {
    let mut table = [0x10u8; 256];
    let mut i = 0;
    while i < 10 {
        table[b'0' as usize + i] = i as u8;
        i += 1;
    }
    let mut i = 0;
    while i < 6 {
        table[b'a' as usize + i] = 10 + i as u8;
        i += 1;
    }
    table
};

impl fmt::Display for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Sha256(bytes) => write!(f, "{PREFIX}{}", hex::encode(bytes)),
            Self::Other(text) => f.write_str(text),
            Self::None => Ok(()),
        }
    }
}

impl fmt::Debug for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Digest({self})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_digests_are_bytes_and_print_as_they_came() {
        let text = format!("sha256:{}", "0123456789abcdef".repeat(4));
        let d = Digest::parse(&text);
        assert!(matches!(d, Digest::Sha256(_)));
        assert_eq!(d.to_string(), text);
        assert_eq!(d.short(), "sha256:0123456789ab");
        let upper = format!("sha256:{}", "0123456789ABCDEF".repeat(4));
        assert_eq!(Digest::parse(&upper), Digest::Other(upper.clone().into()));
    }

    #[test]
    fn anything_else_is_text_without_controls_and_never_panics() {
        assert_eq!(Digest::parse("sha256:ab").short(), "sha256:ab");
        assert_eq!(
            Digest::parse("sha512:\x1b[2Jxyz").to_string(),
            "sha512:[2Jxyz"
        );
        // Multi-byte text is cut by characters, not bytes.
        assert_eq!(
            Digest::parse("sha256:ééééééééééééé").short(),
            "sha256:éééééééééééé"
        );
        assert_eq!(Digest::parse("").to_string(), "");
        assert!(Digest::parse("").is_empty());
    }
}
