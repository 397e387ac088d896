//! IPv4 and IPv6 CIDR ranges for `IpAddress` / `NotIpAddress`.

use std::net::IpAddr;

/// An address range: a network address and a prefix length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cidr {
    addr: IpAddr,
    prefix: u8,
}

impl Cidr {
    /// Parses `203.0.113.0/24`, `2001:DB8::/32`, or a bare address (a /32 or
    /// /128 range).
    pub fn parse(text: &str) -> Option<Cidr> {
        let text = text.trim();
        let (addr, prefix) = match text.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (text, None),
        };
        let addr: IpAddr = addr.parse().ok()?;
        let max = match addr {
            IpAddr::V4(_) => 32,
            IpAddr::V6(_) => 128,
        };
        let prefix = match prefix {
            Some(p) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) => {
                p.parse::<u8>().ok()?
            }
            Some(_) => return None,
            None => max,
        };
        (prefix <= max).then_some(Cidr { addr, prefix })
    }

    /// True when `ip` (an address, or a range given as CIDR that lies
    /// inside) is in this range. Addresses of the other family never match.
    pub fn contains(&self, ip: &str) -> bool {
        let Some(other) = Cidr::parse(ip) else {
            return false;
        };
        if other.prefix < self.prefix {
            return false;
        }
        match (self.addr, other.addr) {
            (IpAddr::V4(a), IpAddr::V4(b)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(a) & mask == u32::from(b) & mask
            }
            (IpAddr::V6(a), IpAddr::V6(b)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(a) & mask == u128::from(b) & mask
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv4_ranges() {
        let c = Cidr::parse("203.0.113.0/24").unwrap();
        assert!(c.contains("203.0.113.7"));
        assert!(!c.contains("203.0.114.7"));
        assert!(Cidr::parse("0.0.0.0/0").unwrap().contains("8.8.8.8"));
        assert!(Cidr::parse("10.1.2.3").unwrap().contains("10.1.2.3"));
        assert!(!Cidr::parse("10.1.2.3").unwrap().contains("10.1.2.4"));
        assert!(Cidr::parse("10.0.0.0/8").unwrap().contains("10.1.0.0/16"));
    }

    #[test]
    fn ipv6_ranges() {
        let c = Cidr::parse("2001:DB8:1234:5678::/64").unwrap();
        assert!(c.contains("2001:db8:1234:5678::1"));
        assert!(!c.contains("2001:db8:1234:5679::1"));
        assert!(!c.contains("203.0.113.1"));
        assert!(Cidr::parse("::/0").unwrap().contains("::1"));
    }

    #[test]
    fn invalid_ranges() {
        for bad in [
            "",
            "300.0.0.0/8",
            "10.0.0.0/33",
            "10.0.0.0/",
            "10.0.0.0/a",
            "::/129",
            "host",
        ] {
            assert_eq!(Cidr::parse(bad), None, "{bad}");
        }
        assert!(!Cidr::parse("10.0.0.0/8").unwrap().contains("not-an-ip"));
    }
}
