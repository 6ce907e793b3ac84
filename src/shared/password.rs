//! Password policy: generate a password that meets a pool's policy, and say what a given one lacks.

use std::hash::{BuildHasher as _, Hasher as _};

use crate::cognito::pools::PasswordPolicyType;
use crate::cognito::types::Secret;

/// Every character Cognito counts as a symbol (a space inside the password counts too).
pub const SYMBOLS: &str = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+-";
/// The symbols generated passwords use: Cognito's set without quotes, backslash and backtick, so a
/// generated password pastes into a shell or a form without escaping.
const GENERATED_SYMBOLS: &[u8] = b"^$*.[]{}()?!@#%&/,><:;|_~=+-";
const UPPER: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LOWER: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
const DIGITS: &[u8] = b"0123456789";

/// Cognito's defaults for a pool without a password policy.
pub const DEFAULT_MINIMUM_LENGTH: u32 = 8;
/// The longest password Cognito accepts.
pub const MAXIMUM_LENGTH: usize = 256;
/// Generated passwords are at least this long, whatever the policy's minimum.
const GENERATED_LENGTH: usize = 20;

/// The requirements of a policy, Cognito's defaults filled in where a field is missing.
// One flag per character class, as the policy itself has.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Requirements {
    pub minimum_length: usize,
    pub uppercase: bool,
    pub lowercase: bool,
    pub numbers: bool,
    pub symbols: bool,
}

impl Requirements {
    pub fn of(policy: &PasswordPolicyType) -> Self {
        Self {
            minimum_length: policy.minimum_length.unwrap_or(DEFAULT_MINIMUM_LENGTH) as usize,
            uppercase: policy.require_uppercase.unwrap_or(true),
            lowercase: policy.require_lowercase.unwrap_or(true),
            numbers: policy.require_numbers.unwrap_or(true),
            symbols: policy.require_symbols.unwrap_or(true),
        }
    }
}

/// A random password that meets `policy`: at least 20 characters (more if the policy asks), with an
/// uppercase and a lowercase letter, a digit and a symbol whether or not the policy requires them,
/// drawn from the operating system's random source.
pub fn generate(policy: &PasswordPolicyType) -> Secret {
    let length = Requirements::of(policy)
        .minimum_length
        .clamp(GENERATED_LENGTH, MAXIMUM_LENGTH);
    let mut random = OsRandom::default();
    let mut chars: Vec<u8> = [UPPER, LOWER, DIGITS, GENERATED_SYMBOLS]
        .iter()
        .map(|class| class[random.below(class.len())])
        .collect();
    let all: Vec<u8> = [UPPER, LOWER, DIGITS, GENERATED_SYMBOLS].concat();
    while chars.len() < length {
        chars.push(all[random.below(all.len())]);
    }
    // Fisher-Yates, so the required classes are not always the first four characters.
    for i in (1..chars.len()).rev() {
        chars.swap(i, random.below(i + 1));
    }
    Secret::new(String::from_utf8_lossy(&chars).into_owned())
}

/// What `password` lacks to meet `policy`, in plain English; empty when it meets it.
pub fn problems(password: &str, policy: &PasswordPolicyType) -> Vec<String> {
    let req = Requirements::of(policy);
    let mut found = Vec::new();
    let length = password.chars().count();
    if length < req.minimum_length {
        found.push(format!(
            "must be at least {} characters long (it has {length})",
            req.minimum_length
        ));
    }
    if length > MAXIMUM_LENGTH {
        found.push(format!(
            "must be at most {MAXIMUM_LENGTH} characters long (it has {length})"
        ));
    }
    if req.uppercase && !password.chars().any(|c| c.is_ascii_uppercase()) {
        found.push("needs an uppercase letter (A-Z)".to_owned());
    }
    if req.lowercase && !password.chars().any(|c| c.is_ascii_lowercase()) {
        found.push("needs a lowercase letter (a-z)".to_owned());
    }
    if req.numbers && !password.chars().any(|c| c.is_ascii_digit()) {
        found.push("needs a number (0-9)".to_owned());
    }
    let inner_space = password.trim().contains(' ');
    if req.symbols && !inner_space && !password.chars().any(|c| SYMBOLS.contains(c)) {
        found.push(format!("needs a symbol, one of {SYMBOLS}"));
    }
    if password != password.trim() {
        found.push("must not begin or end with a space".to_owned());
    }
    if password.chars().any(|c| c.is_whitespace() && c != ' ') {
        found.push("must not contain tabs or line breaks".to_owned());
    }
    found
}

/// Uniform random indexes from the operating system (`getrandom`: the kernel's CSPRNG). Should that
/// ever fail, std's randomly keyed SipHash (its keys come from the same OS source) stands in, so
/// generation never panics and never falls back to a predictable generator.
#[derive(Default)]
struct OsRandom {
    counter: u64,
}

impl OsRandom {
    fn next_u64(&mut self) -> u64 {
        let mut bytes = [0u8; 8];
        if getrandom::fill(&mut bytes).is_ok() {
            return u64::from_le_bytes(bytes);
        }
        self.counter = self.counter.wrapping_add(1);
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u64(self.counter);
        hasher.finish()
    }

    /// A uniform index below `n` (n > 0), by rejection: no modulo bias.
    fn below(&mut self, n: usize) -> usize {
        let n = n as u64;
        let zone = u64::MAX - (u64::MAX % n);
        loop {
            let v = self.next_u64();
            if v < zone {
                #[allow(clippy::cast_possible_truncation)]
                return (v % n) as usize;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A policy of `min` characters requiring the classes named in `classes` (U, L, N, S).
    fn policy(min: u32, classes: &str) -> PasswordPolicyType {
        PasswordPolicyType {
            minimum_length: Some(min),
            require_uppercase: Some(classes.contains('U')),
            require_lowercase: Some(classes.contains('L')),
            require_numbers: Some(classes.contains('N')),
            require_symbols: Some(classes.contains('S')),
            ..PasswordPolicyType::default()
        }
    }

    #[test]
    fn generated_passwords_meet_assorted_policies() {
        let policies = [
            PasswordPolicyType::default(),
            policy(6, ""),
            policy(8, "ULNS"),
            policy(12, "UN"),
            policy(20, "LS"),
            policy(33, "ULNS"),
            policy(99, "ULNS"),
        ];
        for p in &policies {
            let mut seen = std::collections::HashSet::new();
            for _ in 0..200 {
                let secret = generate(p);
                let pw = secret.reveal();
                assert_eq!(problems(pw, p), Vec::<String>::new(), "{pw} for {p:?}");
                // Meets even the strictest policy of the same length.
                assert!(problems(pw, &policy(p.minimum_length.unwrap_or(8), "ULNS")).is_empty());
                assert!(pw.len() >= GENERATED_LENGTH.max(Requirements::of(p).minimum_length));
                assert!(pw.bytes().all(|b| b.is_ascii_graphic()), "{pw}");
                assert!(!pw.contains(['"', '\'', '\\', '`']), "{pw}");
                seen.insert(pw.to_owned());
            }
            assert_eq!(seen.len(), 200, "repeated passwords for {p:?}");
        }
    }

    #[test]
    fn generated_characters_are_spread_over_every_class_and_position() {
        // Over 2,000 passwords each class shows up at each position: the shuffle works.
        let mut first = [false; 4];
        for _ in 0..2000 {
            let pw = generate(&PasswordPolicyType::default());
            let c = pw.reveal().as_bytes()[0];
            let class = [UPPER, LOWER, DIGITS, GENERATED_SYMBOLS]
                .iter()
                .position(|set| set.contains(&c))
                .unwrap();
            first[class] = true;
        }
        assert_eq!(first, [true; 4]);
    }

    #[test]
    fn problems_use_cognito_defaults_when_fields_are_missing() {
        let none = PasswordPolicyType::default();
        assert!(problems("Passw0rd!", &none).is_empty());
        assert_eq!(
            problems("abc", &none),
            [
                "must be at least 8 characters long (it has 3)",
                "needs an uppercase letter (A-Z)",
                "needs a number (0-9)",
                &format!("needs a symbol, one of {SYMBOLS}"),
            ]
        );
        assert_eq!(
            problems("PASSWORD1!", &none),
            ["needs a lowercase letter (a-z)"]
        );
    }

    #[test]
    fn problems_follow_the_policy() {
        let lax = policy(6, "");
        assert!(problems("simple", &lax).is_empty());
        assert_eq!(
            problems("short", &lax),
            ["must be at least 6 characters long (it has 5)"]
        );
        let strict = policy(12, "ULNS");
        assert_eq!(
            problems("Passw0rd!", &strict),
            ["must be at least 12 characters long (it has 9)"]
        );
        // A space inside the password counts as a symbol; at either end it is refused.
        assert!(problems("Pass w0rd long", &strict).is_empty());
        assert_eq!(
            problems(" Passw0rd!long", &strict),
            ["must not begin or end with a space"]
        );
        assert_eq!(
            problems("Passw0rd!\tlong", &strict),
            ["must not contain tabs or line breaks"]
        );
        let long = format!("Aa1!{}", "x".repeat(300));
        assert_eq!(
            problems(&long, &strict),
            ["must be at most 256 characters long (it has 304)"]
        );
    }

    #[test]
    fn every_cognito_symbol_counts() {
        let p = policy(6, "S");
        for c in SYMBOLS.chars() {
            assert!(problems(&format!("abcdef{c}"), &p).is_empty(), "{c}");
        }
        assert_eq!(problems("abcdefé", &p).len(), 1);
    }

    #[test]
    fn below_is_in_range() {
        let mut r = OsRandom::default();
        for n in [1, 2, 7, 26, 89] {
            for _ in 0..100 {
                assert!(r.below(n) < n);
            }
        }
    }
}
