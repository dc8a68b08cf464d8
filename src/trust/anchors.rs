//! The pinned Vietnamese trust anchors, recognised by the SHA-256 of their DER.
//!
//! We pin fingerprints rather than embed certificates: the bytes arrive with the
//! document (a signed PDF carries its chain), a bundle, or the user's files, and a
//! certificate whose fingerprint is listed here is trusted wherever it came from.
//! That keeps the product free of third-party certificate files while still knowing,
//! without configuration, which CA is the government's.

use crate::cert::{Cert, hex_upper};

/// One pinned certificate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pin {
    /// Stable identifier used in JSON and by the i18n layer.
    pub id: &'static str,
    /// The certificate's common name, for display.
    pub name: &'static str,
    /// SHA-256 of the DER, upper-case hex.
    pub sha256: &'static str,
    /// `true` for the Government CA (VGCA, "chuyên dùng Chính phủ"); `false` for the
    /// national root of public CAs.
    pub government: bool,
    /// `true` for a self-signed root; `false` for an issuing CA that anchors a path
    /// only when its root is not at hand.
    pub root: bool,
}

/// The pins. Roots first: path building prefers them over pinned intermediates.
pub const PINS: &[Pin] = &[
    Pin {
        id: "vgca-g1-root",
        name: "Co quan chung thuc so chuyen dung Chinh phu (RootCA)",
        sha256: "F7BC89054CEC7F12730D7B8CD3EB7955B163835087E5EB873EDFB584763B3F90",
        government: true,
        root: true,
    },
    Pin {
        id: "vgca-g2-root",
        name: "RootCA chuyên dùng Chính phủ G2",
        sha256: "F04BA4B459A7C9A1B971AD9B1CB833E695A80C79AEA63B174B66A70EDFE2FDB8",
        government: true,
        root: true,
    },
    Pin {
        id: "vn-national-root",
        name: "Vietnam National Root CA",
        sha256: "BAC8BF609AB420A8EE1780D74F4DE5C7F7184959D2A7375B0A75E4C29F0908E7",
        government: false,
        root: true,
    },
    Pin {
        id: "vgca-g1-cp",
        name: "Co quan chung thuc so Chinh phu",
        sha256: "75E969C07BA35C29C72BBC1BFB880F20F3891A619B00B77EB02CA6160736A1FE",
        government: true,
        root: false,
    },
    Pin {
        id: "vgca-g2-cpcag2",
        name: "CA phục vụ các cơ quan Nhà nước G2",
        sha256: "D8CAB7A4AEF92E6BB2509D7C61CEE7B44F3731B2D21074963530277B366FAE4B",
        government: true,
        root: false,
    },
    Pin {
        id: "vgca-g2-dcscag2",
        name: "CA phục vụ các cơ quan Đảng G2",
        sha256: "E4B402E3CB4CACC0A20D21FA49BCE76BEB4EB47BA7FFB7A8F71C554DBE561A81",
        government: true,
        root: false,
    },
    Pin {
        id: "vnpt-ca-sha2",
        name: "VNPT-CA SHA2",
        sha256: "7D6BA5245317F9ED5D8BC765A4634D26AC6340D36B9F584DF3B52D9C4A81A306",
        government: false,
        root: false,
    },
];

/// The pin a certificate matches, if any.
pub fn pin_for(cert: &Cert) -> Option<&'static Pin> {
    let hex = hex_upper(&cert.sha256());
    PINS.iter().find(|p| p.sha256 == hex)
}

/// The pin with this id.
pub fn pin_by_id(id: &str) -> Option<&'static Pin> {
    PINS.iter().find(|p| p.id == id)
}
