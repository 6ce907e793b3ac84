//! Ids in AWS's shapes: pool ids, subs (UUID v4), app client ids, request ids.

use fastrand::Rng;

const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

fn alnum(rng: &mut Rng, len: usize) -> String {
    (0..len)
        .map(|_| char::from(ALNUM[rng.usize(..ALNUM.len())]))
        .collect()
}

/// `us-east-1_AbC123xyZ`.
pub fn pool_id(rng: &mut Rng, region: &str) -> String {
    format!("{region}_{}", alnum(rng, 9))
}

/// The region a pool id starts with (`us-east-1` of `us-east-1_AbC123xyZ`).
pub fn region_of_pool(pool: &str) -> &str {
    pool.split('_').next().unwrap_or(pool)
}

/// A lower-case UUID v4, as `sub` and request ids look.
pub fn uuid(rng: &mut Rng) -> String {
    let mut b: [u8; 16] = rng.u128(..).to_be_bytes();
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex = hex(&b);
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// Lower-case hex digits, two a byte.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    out
}

/// 26 lower-case alphanumerics, like AWS app client ids.
pub fn client_id(rng: &mut Rng) -> String {
    alnum(rng, 26).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let mut rng = Rng::with_seed(7);
        let id = pool_id(&mut rng, "eu-west-1");
        assert!(id.starts_with("eu-west-1_") && id.len() == 19, "{id}");
        assert_eq!(region_of_pool(&id), "eu-west-1");
        let u = uuid(&mut rng);
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "4");
    }
}
