//! Random credentials and enrolment codes, and their hashes. The server keeps only hashes.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use sha2::{Digest, Sha256};

/// Letters of an enrolment code: no 0, 1, I or O, which are misread.
pub const CODE_ALPHABET: &[u8; 32] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

fn random_bytes<const N: usize>() -> [u8; N] {
    let mut b = [0u8; N];
    // The operating system's generator; failing to read it is not recoverable.
    getrandom::fill(&mut b).expect("the operating system's random generator is readable");
    b
}

/// A random opaque id: `n` bytes, hex.
pub fn random_id(n: usize) -> String {
    let bytes: [u8; 32] = random_bytes();
    bytes
        .iter()
        .take(n.min(32))
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A device credential: 32 random bytes (256 bits), base64url without padding (43 characters).
pub fn new_credential() -> String {
    URL_SAFE_NO_PAD.encode(random_bytes::<32>())
}

/// SHA-256, hex. Enough for secrets with at least 40 bits of entropy that are also rate-limited
/// (codes) or 256 bits (credentials): nothing here is a password a person chose.
pub fn hash(secret: &str) -> String {
    Sha256::digest(secret.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Compare two hashes without stopping at the first difference.
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// A new enrolment code: (public part, secret part), four characters each.
pub fn new_enrolment_code() -> (String, String) {
    let bytes: [u8; 8] = random_bytes();
    let chars: String = bytes
        .iter()
        .map(|b| CODE_ALPHABET[usize::from(b % 32)] as char)
        .collect();
    (chars[..4].to_string(), chars[4..].to_string())
}

/// Read a code as typed: case and spaces or dashes do not matter; look-alikes are read as the
/// letters they stand for (O as 0 is not in the alphabet, so it is refused).
pub fn parse_enrolment_code(typed: &str) -> Option<(String, String)> {
    let clean: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if clean.len() != 8 || !clean.bytes().all(|b| CODE_ALPHABET.contains(&b)) {
        return None;
    }
    Some((clean[..4].to_string(), clean[4..].to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_credential_has_256_bits_and_codes_read_back_however_typed() {
        let c = new_credential();
        assert_eq!(URL_SAFE_NO_PAD.decode(&c).unwrap().len(), 32);
        assert_ne!(c, new_credential());
        let (id, secret) = new_enrolment_code();
        let typed = format!(" {}-{} ", id.to_lowercase(), secret);
        assert_eq!(parse_enrolment_code(&typed), Some((id, secret)));
        assert_eq!(parse_enrolment_code("ABCD-EFG"), None);
        assert_eq!(parse_enrolment_code("ABCD-EFGO"), None);
        assert!(same(&hash("x"), &hash("x")) && !same(&hash("x"), &hash("y")));
    }
}
