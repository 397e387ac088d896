//! Identifiers in AWS's shapes, drawn from a seeded generator.
//!
//! A [`IdGen`] is a SplitMix64 stream: the same seed always gives the same ids, so the
//! same commands give the same world, byte for byte.

use serde::{Deserialize, Serialize};

/// The alphabet of IAM unique ids and access key ids (upper-case base32).
const BASE32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
/// The alphabet of secrets and session tokens.
const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const HEX: &[u8; 16] = b"0123456789abcdef";

/// The prefixes AWS puts on unique ids ("IAM identifiers" in the IAM User Guide).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdPrefix {
    /// `AROA`: role.
    Role,
    /// `AIPA`: instance profile.
    InstanceProfile,
    /// `ANPA`: managed policy.
    ManagedPolicy,
    /// `AIDA`: IAM user.
    User,
    /// `AKIA`: long-term access key.
    AccessKey,
    /// `ASIA`: temporary (STS) access key.
    TemporaryAccessKey,
}

impl IdPrefix {
    /// The full length of ids with this prefix.
    pub fn id_len(self) -> usize {
        match self {
            IdPrefix::AccessKey | IdPrefix::TemporaryAccessKey => 20,
            _ => 21,
        }
    }

    /// The four letters.
    pub fn as_str(self) -> &'static str {
        match self {
            IdPrefix::Role => "AROA",
            IdPrefix::InstanceProfile => "AIPA",
            IdPrefix::ManagedPolicy => "ANPA",
            IdPrefix::User => "AIDA",
            IdPrefix::AccessKey => "AKIA",
            IdPrefix::TemporaryAccessKey => "ASIA",
        }
    }
}

/// SplitMix64's increment: each word adds it to the state, so skipping words is one product.
const GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// How many words [`IdGen::chars`] draws for `count` characters of a `2^bits` alphabet.
const fn words_for(count: usize, bits: u32) -> u64 {
    let per_word = (64 / bits) as usize;
    let round = 64 / per_word * per_word;
    let whole = count / round * (round / per_word);
    let rest = count % round;
    (whole + rest.div_ceil(per_word)) as u64
}

/// The words [`IdGen::secret_access_key`] draws.
const SECRET_WORDS: u64 = words_for(SECRET_LEN, 6);
/// The words [`IdGen::session_token`] draws.
const TOKEN_WORDS: u64 = words_for(TOKEN_RANDOM_LEN, 6);
const SECRET_LEN: usize = 40;
const TOKEN_RANDOM_LEN: usize = 340;

/// A seeded SplitMix64 generator of ids.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdGen {
    state: u64,
}

impl IdGen {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        IdGen { state: seed }
    }

    /// The next 64 random bits (SplitMix64).
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GAMMA);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Appends `count` characters drawn from `alphabet` (ASCII, `N` a power of two):
    /// each word gives `64 / log2(N)` characters, low bits first (a last, partial word
    /// gives what is left).
    fn chars<const N: usize>(&mut self, out: &mut String, alphabet: &[u8; N], count: usize) {
        let bits = N.trailing_zeros();
        if bits == 0 || !N.is_power_of_two() || !alphabet.is_ascii() {
            return;
        }
        let per_word = (64 / bits) as usize;
        // Whole words at a time through a buffer on the stack (a session token fits at once).
        let mut buf = [0u8; 384];
        let round = buf.len() / per_word * per_word;
        let mut left = count;
        while left > 0 {
            let take = left.min(round);
            let Some(chunk) = buf.get_mut(..take) else {
                return;
            };
            let mut fill = |word_chars: &mut [u8]| {
                let mut word = self.next_u64();
                for b in word_chars {
                    // `N` is a power of two, so the index is in range.
                    *b = alphabet
                        .get(word as usize & (N - 1))
                        .copied()
                        .unwrap_or(b'A');
                    word >>= bits;
                }
            };
            // Whole words (a fixed length, so the loop unrolls), then a last partial one.
            let mut words = chunk.chunks_exact_mut(per_word);
            for word_chars in &mut words {
                fill(word_chars);
            }
            let rest = words.into_remainder();
            if !rest.is_empty() {
                fill(rest);
            }
            // Only ASCII bytes were written, so this never fails.
            out.push_str(std::str::from_utf8(chunk).unwrap_or_default());
            left -= take;
        }
    }

    /// A unique id: the prefix and characters of `[A-Z2-7]`; 21 characters for
    /// `AROA…`, `AIPA…`, `ANPA…`, `AIDA…` (as AWS issues them today), 20 for access key
    /// ids `AKIA…` and `ASIA…`.
    pub fn unique_id(&mut self, prefix: IdPrefix) -> String {
        let len = prefix.id_len();
        let mut s = String::with_capacity(len);
        s.push_str(prefix.as_str());
        self.chars(&mut s, BASE32, len - 4);
        s
    }

    /// A 40-character secret access key.
    pub fn secret_access_key(&mut self) -> String {
        let mut s = String::with_capacity(SECRET_LEN);
        self.chars(&mut s, BASE64, SECRET_LEN);
        s
    }

    /// A session token: long, base64-like, starting like STS's (`IQoJb3JpZ2luX2Vj…`).
    pub fn session_token(&mut self) -> String {
        let mut s = String::with_capacity(TOKEN_RANDOM_LEN + 20);
        s.push_str("IQoJb3JpZ2luX2VjE");
        self.chars(&mut s, BASE64, TOKEN_RANDOM_LEN);
        s.push_str("==");
        s
    }

    /// Draws a [`IdGen::secret_access_key`] then a [`IdGen::session_token`] without
    /// rendering them: the generator moves on exactly as far, and the returned state
    /// renders them later ([`IdGen::secret_at`], [`IdGen::token_at`]).
    pub(crate) fn skip_session_secrets(&mut self) -> u64 {
        let start = self.state;
        self.state = start.wrapping_add(GAMMA.wrapping_mul(SECRET_WORDS + TOKEN_WORDS));
        start
    }

    /// The secret access key drawn from `state` (see [`IdGen::skip_session_secrets`]).
    pub(crate) fn secret_at(state: u64) -> String {
        IdGen { state }.secret_access_key()
    }

    /// The session token drawn after the secret from `state`.
    pub(crate) fn token_at(state: u64) -> String {
        IdGen {
            state: state.wrapping_add(GAMMA.wrapping_mul(SECRET_WORDS)),
        }
        .session_token()
    }

    fn hex(&mut self, prefix: &str, count: usize) -> String {
        let mut s = String::with_capacity(prefix.len() + count);
        s.push_str(prefix);
        self.chars(&mut s, HEX, count);
        s
    }

    /// `i-` and 17 lower-case hex digits.
    pub fn instance_id(&mut self) -> String {
        self.hex("i-", 17)
    }

    /// `iip-assoc-` and 17 hex digits.
    pub fn association_id(&mut self) -> String {
        self.hex("iip-assoc-", 17)
    }

    /// `ami-` and 17 hex digits.
    pub fn ami_id(&mut self) -> String {
        self.hex("ami-", 17)
    }

    /// `r-` and 17 hex digits (a reservation).
    pub fn reservation_id(&mut self) -> String {
        self.hex("r-", 17)
    }

    /// A request id shaped like a UUID (`8-4-4-4-12` lower-case hex, version 4).
    pub fn request_id(&mut self) -> String {
        let a = self.next_u64();
        let b = self.next_u64();
        let mut s = String::with_capacity(36);
        push_hex(&mut s, a >> 32, 8);
        s.push('-');
        push_hex(&mut s, (a >> 16) & 0xffff, 4);
        s.push_str("-4");
        push_hex(&mut s, a & 0xfff, 3);
        s.push('-');
        push_hex(&mut s, ((b >> 48) & 0x3fff) | 0x8000, 4);
        s.push('-');
        push_hex(&mut s, b & 0xffff_ffff_ffff, 12);
        s
    }

    /// An opaque string like EC2's "Encoded authorization failure message".
    pub fn opaque(&mut self, len: usize) -> String {
        let mut s = String::with_capacity(len);
        self.chars(
            &mut s,
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
            len,
        );
        s
    }

    /// A metadata-service token (IMDSv2): 56 base64 characters ending in `==`.
    pub fn imds_token(&mut self) -> String {
        let mut s = String::with_capacity(58);
        self.chars(&mut s, BASE64, 54);
        s.push_str("==");
        s
    }

    /// A random number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next_u64() % n }
    }
}

/// Appends the low `digits` hex digits of `value` (lower case, zero-padded).
fn push_hex(out: &mut String, value: u64, digits: u32) {
    for i in (0..digits).rev() {
        let nibble = (value >> (4 * i)) & 0xf;
        out.push(char::from(
            HEX.get(nibble as usize).copied().unwrap_or(b'0'),
        ));
    }
}

/// A private IPv4 address `10.0.x.y` from a counter (x, y in 0..=255, y never 0).
pub fn private_ip(n: u32) -> String {
    let x = (n / 254) % 256;
    let y = n % 254 + 1;
    format!("10.0.{x}.{y}")
}

/// The EC2 hostname of a private IP: `ip-10-0-x-y.ec2.internal` (us-east-1).
pub fn private_dns_name(ip: &str) -> String {
    format!("ip-{}.ec2.internal", ip.replace('.', "-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skipped_session_secrets_render_as_drawn_ones() {
        for seed in [0, 7, u64::MAX - 3] {
            let mut drawn = IdGen::new(seed);
            let secret = drawn.secret_access_key();
            let token = drawn.session_token();
            let mut skipped = IdGen::new(seed);
            let state = skipped.skip_session_secrets();
            assert_eq!(skipped, drawn);
            assert_eq!(IdGen::secret_at(state), secret);
            assert_eq!(IdGen::token_at(state), token);
            assert_eq!(skipped.next_u64(), drawn.next_u64());
        }
        assert_eq!((SECRET_WORDS, TOKEN_WORDS), (4, 34));
    }

    #[test]
    fn unique_ids_have_aws_shapes() {
        let mut g = IdGen::new(7);
        for prefix in [
            IdPrefix::Role,
            IdPrefix::InstanceProfile,
            IdPrefix::ManagedPolicy,
            IdPrefix::User,
            IdPrefix::AccessKey,
            IdPrefix::TemporaryAccessKey,
        ] {
            let id = g.unique_id(prefix);
            assert_eq!(id.len(), prefix.id_len());
            assert!(id.starts_with(prefix.as_str()));
            assert!(
                id[4..]
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || (b'2'..=b'7').contains(&b)),
                "{id}"
            );
        }
        let secret = g.secret_access_key();
        assert_eq!(secret.len(), 40);
        assert!(g.session_token().len() > 300);
    }

    #[test]
    fn ec2_ids_have_aws_shapes() {
        let mut g = IdGen::new(1);
        let i = g.instance_id();
        assert_eq!(i.len(), 19);
        assert!(
            i.starts_with("i-")
                && i[2..]
                    .bytes()
                    .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        );
        assert_eq!(g.association_id().len(), "iip-assoc-".len() + 17);
        assert_eq!(g.ami_id().len(), 21);
        let r = g.request_id();
        assert_eq!(r.len(), 36);
        assert_eq!(r.matches('-').count(), 4);
        assert_eq!(&r[14..15], "4");
    }

    #[test]
    fn same_seed_same_ids() {
        let mut a = IdGen::new(42);
        let mut b = IdGen::new(42);
        assert_eq!(a.unique_id(IdPrefix::Role), b.unique_id(IdPrefix::Role));
        assert_eq!(a.instance_id(), b.instance_id());
        let mut c = IdGen::new(43);
        assert_ne!(a.unique_id(IdPrefix::Role), c.unique_id(IdPrefix::Role));
    }

    #[test]
    fn request_ids_are_the_two_words_in_uuid_layout() {
        let (mut g, mut h) = (IdGen::new(5), IdGen::new(5));
        for _ in 0..100 {
            let (a, b) = (h.next_u64(), h.next_u64());
            let expected = format!(
                "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
                a >> 32,
                (a >> 16) & 0xffff,
                a & 0xfff,
                ((b >> 48) & 0x3fff) | 0x8000,
                b & 0xffff_ffff_ffff
            );
            assert_eq!(g.request_id(), expected);
        }
    }

    #[test]
    fn private_addresses() {
        assert_eq!(private_ip(9), "10.0.0.10");
        assert_eq!(private_ip(254), "10.0.1.1");
        assert_eq!(private_dns_name("10.0.0.10"), "ip-10-0-0-10.ec2.internal");
    }
}
