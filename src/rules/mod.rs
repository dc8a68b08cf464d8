//! The rules of Vietnamese identifiers and of Decree 68/2024, each in one place with
//! its source, so the certificate card, the letters and the CLI all judge alike.

pub mod dates;
pub mod email;
pub mod ids;
pub mod phone;
pub mod provinces;
pub mod renewal;
pub mod sim;
