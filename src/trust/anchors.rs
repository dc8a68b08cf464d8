//! The pinned Vietnamese trust anchors, recognised by the SHA-256 of their DER.
//!
//! Trust comes from this list only. The certificates themselves also ship with the
//! program ([`super::builtin`]) so that paths build without the user's files, but a
//! certificate is an anchor because its fingerprint is listed here, wherever its bytes
//! came from (the built-in set, the document, a bundle, the user's files).
//!
//! The roots pinned, and why (sources: `src/trust/builtin/README.md`):
//! - the Government CA's roots (VGCA, "chuyên dùng Chính phủ"), G1 (2010–2030, SHA-1)
//!   and G2 (2018–2048): `government`;
//! - the national roots of the licensed public CAs, run by the national root authority
//!   (NEAC): the SHA-1 "MIC National Root CA" (2008), "Vietnam National Root CA"
//!   (2014, SHA-256), "Vietnam National Root CA G3" (2024) and the four service roots
//!   self-issued on 25 Nov 2025 (RS for remote signing, USBTOKEN, MOBILEPKI, TSA) whose
//!   subordinates are the providers' CAs of 2026.
//!
//! The pinned *issuing* CAs (`root: false`) are older entries, kept for their ids: they
//! anchor a path only when no path through their root exists, which with the built-in
//! roots at hand does not happen.

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
    /// national roots of the licensed public CAs.
    pub government: bool,
    /// `true` for a self-signed root; `false` for an issuing CA that anchors a path
    /// only when no path through its root exists.
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
        id: "mic-national-root",
        name: "MIC National Root CA",
        sha256: "CA918D635BB130BEC97639E6AABF7EDBC4EB1310F8058B9419F467AE0230AD8C",
        government: false,
        root: true,
    },
    Pin {
        id: "vn-national-root-g3",
        name: "Vietnam National Root CA G3",
        sha256: "7B3269E7D79AEBBFAE5095F45BBB7074771E690CB7DF02B441062B12F7690ECE",
        government: false,
        root: true,
    },
    Pin {
        id: "vn-national-root-rs",
        name: "VIETNAM NATIONAL ROOT CA - RS",
        sha256: "12AFEBA2545F6FC0F31EC130F31BF2D16184A2B5B7CEBCB43CFD1BA35DD4EA46",
        government: false,
        root: true,
    },
    Pin {
        id: "vn-national-root-usbtoken",
        name: "VIETNAM NATIONAL ROOT CA - USBTOKEN",
        sha256: "41803135F13A6359866E7E6F76DAFD598D496836944A52DD1FAD66B3BF2EE63B",
        government: false,
        root: true,
    },
    Pin {
        id: "vn-national-root-mobilepki",
        name: "VIETNAM NATIONAL ROOT CA - MOBILEPKI",
        sha256: "C75535D65C0FF7480A3D6F393D56DA5F7C92DDCC071F4E9166C3F8D660EF836C",
        government: false,
        root: true,
    },
    Pin {
        id: "vn-national-root-tsa",
        name: "VIETNAM NATIONAL ROOT CA - TSA",
        sha256: "D343B3C5132F7D1676C3560025AEFEF036FCEEC073C33F18E075B3A21C8F8552",
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
