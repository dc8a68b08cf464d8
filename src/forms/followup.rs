//! What a letter leads to. A lost-device record (Mẫu 09) is not a revocation
//! request: losing a device is a ground for revocation (Decree 68 art. 17), which
//! needs its own Mẫu 05 with the reason written out (`../shared/domain/forms-wording.md`,
//! Mẫu 09). This makes that Mẫu 05 from the record, with its rows carried over.

use super::model::{FormKind, Letter, Row};

/// The reason for revocation after a loss, as Mẫu 05 writes it.
pub const LOST_REASON: &str = "Thiết bị lưu khóa bí mật bị thất lạc";

/// The Mẫu 05 that follows a Mẫu 09 record: the same managing body and signer, the
/// record's representative as the contact, each lost device's certificate as a row
/// with the loss as its reason. The date and number are left for the new letter.
pub fn revocation_after_loss(record: &Letter) -> Letter {
    let mut l = Letter::new(FormKind::F05);
    l.letterhead = record.letterhead.clone();
    l.letterhead.number.clear();
    l.letterhead.subject.clear();
    l.letterhead.date.clear();
    l.contact.person = record.contact.person.clone();
    let when = record.contact.loss_date.trim();
    let reason = if when.is_empty() {
        LOST_REASON.to_string()
    } else {
        format!("{LOST_REASON} (ngày {when})")
    };
    l.rows = record
        .rows
        .iter()
        .map(|r| Row {
            cert_name: r.cert_name.clone(),
            email: r.email.clone(),
            serial: r.serial.clone(),
            token_serial: r.token_serial.clone(),
            reason: reason.clone(),
            source: r.source.clone(),
            ..Row::default()
        })
        .collect();
    l
}
